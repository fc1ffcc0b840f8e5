import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A client as a test knows it: its key in clear, its limits as CLIENTS_PATH takes them. */
export interface TestClient {
  name: string;
  key: string;
  requestsPerMinute?: number;
  pencePerDay?: number;
  maxSubscriptions?: number;
}

export function testClient(
  name: string,
  limits: Omit<TestClient, "name" | "key"> = {},
): TestClient {
  return { name, key: `fc_${randomUUID()}`, ...limits };
}

/** Temporary folders of one test file, removed together in its afterAll. */
export class TempDirs {
  readonly #dirs: string[] = [];
  constructor(readonly prefix: string) {}

  async make(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), this.prefix));
    this.#dirs.push(dir);
    return dir;
  }

  async removeAll(): Promise<void> {
    for (const dir of this.#dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  }
}

/** A CLIENTS_PATH file holding only hashes, as `npm run client:key` prints them. */
export async function clientsFile(dirs: TempDirs, clients: readonly TestClient[]): Promise<string> {
  const path = join(await dirs.make(), "clients.json");
  const entries = clients.map(({ key, ...rest }) => ({
    ...rest,
    keySha256: createHash("sha256").update(key).digest("hex"),
  }));
  await writeFile(path, JSON.stringify({ clients: entries }));
  return path;
}
