import { readFile } from "node:fs/promises";
import { z } from "zod";

/**
 * The clients file (CLIENTS_PATH): who may call the gateway, each with the sha256 of its key and
 * optional limits. Validated at start, every problem reported at once, as the configuration is:
 *
 *   {"clients": [{"name": "showroom-web", "keySha256": "<64 hex>", "requestsPerMinute": 600,
 *                 "pencePerDay": 2000, "maxSubscriptions": 20}]}
 *
 * Only hashes are kept: the file can be read by whoever deploys without revealing a key.
 */

/** What one caller may do; 0 means unlimited. */
export interface ClientLimits {
  /** Requests per minute; a whole minute's worth may come at once. */
  requestsPerMinute: number;
  /** Spend per UTC day, in pence (the cost meter's prices). */
  pencePerDay: number;
  /** Subscriptions open at once (per instance). */
  maxSubscriptions: number;
}

/** Each client's limits where the clients file names none (and each address's when open). */
export const DEFAULT_CLIENT_LIMITS: ClientLimits = {
  requestsPerMinute: 600,
  pencePerDay: 1000,
  maxSubscriptions: 20,
};

export interface ClientEntry {
  name: string;
  /** sha256 of the key, 32 bytes. */
  keyHash: Buffer;
  limits: ClientLimits;
}

const limit = z.number().int("must be a whole number").min(0, "must be 0 (unlimited) or more");

const fileSchema = z.object({
  clients: z.array(
    z.strictObject({
      name: z
        .string()
        .regex(
          /^[A-Za-z0-9_.-]{1,64}$/,
          "must be 1 to 64 letters, digits, dots, dashes or underscores",
        ),
      keySha256: z
        .string()
        .regex(/^[0-9a-fA-F]{64}$/, "must be the hex sha256 of the key (64 hex digits)"),
      requestsPerMinute: limit.optional(),
      pencePerDay: limit.optional(),
      maxSubscriptions: limit.optional(),
    }),
  ),
});

/** The file cannot be used; `problems` says every reason at once. */
export class ClientsFileError extends Error {
  readonly problems: readonly string[];
  constructor(path: string, problems: readonly string[]) {
    super(`Invalid clients file ${path}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ClientsFileError";
    this.problems = problems;
  }
}

export async function loadClientsFile(
  path: string,
  defaults: ClientLimits,
): Promise<ClientEntry[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    throw new ClientsFileError(path, [`cannot be read (${code}); check CLIENTS_PATH`]);
  }
  return parseClients(path, text, defaults);
}

export function parseClients(path: string, text: string, defaults: ClientLimits): ClientEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ClientsFileError(path, ["is not JSON"]);
  }
  const parsed = fileSchema.safeParse(json);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`);
  const clients = parsed.success ? parsed.data.clients : [];
  const seen = new Map<string, number>();
  for (const [i, client] of clients.entries()) {
    for (const [what, value] of [
      ["name", client.name],
      ["keySha256", client.keySha256.toLowerCase()],
    ] as const) {
      const key = `${what} ${value}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        problems.push(`clients.${i}.${what}: the same as clients.${first}'s; each must be unique`);
    }
  }
  if (problems.length > 0) throw new ClientsFileError(path, problems);
  return clients.map((client) => ({
    name: client.name,
    keyHash: Buffer.from(client.keySha256, "hex"),
    limits: {
      requestsPerMinute: client.requestsPerMinute ?? defaults.requestsPerMinute,
      pencePerDay: client.pencePerDay ?? defaults.pencePerDay,
      maxSubscriptions: client.maxSubscriptions ?? defaults.maxSubscriptions,
    },
  }));
}
