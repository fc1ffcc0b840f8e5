import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  canonicalText,
  sha256,
  trustedDocumentsFrom,
} from "../../src/gateway/trusted-documents.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

/**
 * Identical queries in flight run once (SHARE_INFLIGHT_READS) in the setup the README recommends
 * for production: trusted documents (TRUSTED_DOCUMENTS_ONLY) and client keys (CLIENTS_PATH).
 * Counted at the emulator: a query sent by hash, as the manifest's text or as the same document
 * written differently, joins the one in flight; a client never joins another client's query.
 */

const VIN = "WAUZZZ8K9BA123456";
/** Two calls one after the other: the vehicle, then its features. */
const PAGE = canonicalText(`query ProductionPage($vehicleId: String!) {
  vehicle(vehicleId: $vehicleId) { vehicleId model features { featureId title } }
}`) as string;
const PAGE_HASH = sha256(PAGE);
/** Five levels deep (vehicle, features, vehicle, features, title). */
const DEEP = canonicalText(`query ProductionDeep($vehicleId: String!) {
  vehicle(vehicleId: $vehicleId) { features { vehicle { features { title } } } }
}`) as string;
const DEEP_HASH = sha256(DEEP);
const TRUSTED = trustedDocumentsFrom({
  [`sha256:${PAGE_HASH}`]: PAGE,
  [`sha256:${DEEP_HASH}`]: DEEP,
});
const TRUSTED_ENV = { TRUSTED_DOCUMENTS_ONLY: "true" };

const started: GatewayHarness[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(started.map((h) => h.close()));
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function gateway(gatewayEnv: Record<string, string>): Promise<GatewayHarness> {
  const h = await startGateway({ gatewayEnv, trustedDocuments: TRUSTED });
  started.push(h);
  return h;
}

interface Cost {
  calls: number;
  client: string;
  cacheHits: { upstream: string; operation: string; hits: number }[];
}
interface Answer {
  data?: { vehicle?: { features?: unknown[] } };
  errors?: { message: string; extensions: Record<string, unknown> }[];
  extensions?: { cost?: Cost };
}
const costOf = (answer: Answer): Cost => answer.extensions?.cost as Cost;

const calls = (h: GatewayHarness) => ({
  vehicle: h.carcutter.control.count(CARCUTTER.vehicle.name),
  features: h.carcutter.control.count(CARCUTTER.features.name),
});

async function post(
  h: GatewayHarness,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer & { status: number }> {
  const response = await h.fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify({ variables: { vehicleId: VIN }, ...body }),
  });
  return { status: response.status, ...((await response.json()) as Answer) };
}
const byText = (query = PAGE) => ({ query });
const byHash = (hash = PAGE_HASH) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});

/**
 * Sends the first query with its features call slowed, and resolves once the emulator has
 * answered its vehicle call: from then on it waits for its features, and only joining the whole
 * query can save a later request's vehicle call.
 */
async function firstWaitingForFeatures(
  h: GatewayHarness,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const before = calls(h);
  h.carcutter.control.script({
    operation: CARCUTTER.features.name,
    fault: { kind: "latency", ms: 1500 },
  });
  const answer = post(h, body, headers);
  await expect.poll(() => calls(h).features, { timeout: 5000 }).toBe(before.features + 1);
  return { answer, before };
}

function expectJoined(cost: Cost, client: string): void {
  expect(cost).toMatchObject({ calls: 0, client });
  expect(cost.cacheHits).toEqual([
    { upstream: "carcutter", operation: CARCUTTER.features.name, hits: 1 },
    { upstream: "carcutter", operation: CARCUTTER.vehicle.name, hits: 1 },
  ]);
}

describe("shared queries under trusted documents (TRUSTED_DOCUMENTS_ONLY=true)", () => {
  it("three identical queries sent as text: one vehicle call, the later two joined at no cost", async () => {
    const h = await gateway(TRUSTED_ENV);
    const { answer: first, before } = await firstWaitingForFeatures(h, byText());
    const later = await Promise.all([post(h, byText()), post(h, byText())]);
    const leader = await first;
    expect(leader.errors).toBeUndefined();
    expect(leader.data?.vehicle?.features?.length).toBeGreaterThan(0);
    expect(calls(h)).toEqual({ vehicle: before.vehicle + 1, features: before.features + 1 });
    expect(costOf(leader).calls).toBe(2);
    for (const answer of later) {
      expect(answer.status).toBe(200);
      expect(answer.data).toEqual(leader.data);
      expectJoined(costOf(answer), "local");
    }
  });

  it("sent by hash, or as the same document written differently, they join it too", async () => {
    const h = await gateway(TRUSTED_ENV);
    const { answer: first, before } = await firstWaitingForFeatures(h, byHash());
    // Not the manifest's bytes: found through its canonical form, and run as the manifest's text.
    const rewritten = `query ProductionPage( $vehicleId : String! ) {
      vehicle( vehicleId: $vehicleId ) { model vehicleId features { title featureId } }
    }`;
    expect(sha256(rewritten)).not.toBe(PAGE_HASH);
    const later = await Promise.all([post(h, byHash()), post(h, byText(rewritten))]);
    const leader = await first;
    expect(leader.errors).toBeUndefined();
    expect(calls(h)).toEqual({ vehicle: before.vehicle + 1, features: before.features + 1 });
    for (const answer of later) {
      expect(answer.data).toEqual(leader.data);
      expectJoined(costOf(answer), "local");
    }
  });

  it("a document outside the manifest is refused as before, and never joins a trusted one", async () => {
    const h = await gateway(TRUSTED_ENV);
    const { answer: first } = await firstWaitingForFeatures(h, byText());
    const untrusted = await post(h, {
      query: `${PAGE}\nquery Extra { vehiclesToShoot { vehicleId } }`,
      operationName: "ProductionPage",
    });
    expect(untrusted.status).toBe(403);
    expect(untrusted.errors?.[0]?.extensions.code).toBe("TRUSTED_DOCUMENT_REQUIRED");
    expect(untrusted.data).toBeUndefined();
    await first;
  });
});

describe("shared queries with client keys (CLIENTS_PATH)", () => {
  async function clientsFile(names: readonly string[]) {
    const dir = await mkdtemp(join(tmpdir(), "forecourt-shared-clients-"));
    dirs.push(dir);
    const keys = names.map(() => `fc_${randomUUID()}`);
    const clients = names.map((name, i) => ({
      name,
      keySha256: createHash("sha256")
        .update(keys[i] as string)
        .digest("hex"),
    }));
    const path = join(dir, "clients.json");
    await writeFile(path, JSON.stringify({ clients }));
    return { path, keys };
  }

  it("the same client joins its own query; another client's identical query runs for itself", async () => {
    const {
      path,
      keys: [mine, theirs],
    } = await clientsFile(["dealer-web", "dealer-app"]);
    const h = await gateway({ ...TRUSTED_ENV, CLIENTS_PATH: path });
    const asMine = { "x-api-key": mine as string };
    const asTheirs = { "x-api-key": theirs as string };
    const { answer: first, before } = await firstWaitingForFeatures(h, byHash(), asMine);
    const [again, other] = await Promise.all([
      post(h, byHash(), asMine),
      post(h, byHash(), asTheirs),
    ]);
    const leader = await first;
    expect(leader.errors).toBeUndefined();
    expect(costOf(leader)).toMatchObject({ calls: 2, client: "dealer-web" });
    expect(again.data).toEqual(leader.data);
    expectJoined(costOf(again), "dealer-web");
    // The other client ran the query: its own vehicle call (its features read, identical and in
    // flight, still shares the upstream call, as any two reads do).
    expect(other.errors).toBeUndefined();
    expect(costOf(other)).toMatchObject({ calls: 1, client: "dealer-app" });
    expect(calls(h)).toEqual({ vehicle: before.vehicle + 2, features: before.features + 1 });
  });
});

describe("document limits under trusted documents", () => {
  it("a trusted document over GRAPHQL_MAX_DEPTH is refused by its limit, sent by hash, with no call", async () => {
    const h = await gateway({ ...TRUSTED_ENV, GRAPHQL_MAX_DEPTH: "4" });
    const before = calls(h);
    const answer = await post(h, byHash(DEEP_HASH));
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: "DEPTH_LIMIT_EXCEEDED",
      limit: 4,
    });
    expect(calls(h)).toEqual(before);
    // Within the limit, the manifest's other document runs.
    const page = await post(h, byHash());
    expect(page.errors).toBeUndefined();
    expect(costOf(page).calls).toBe(2);
  });

  it("a document outside the manifest is refused as untrusted before its size is even parsed", async () => {
    const h = await gateway({ ...TRUSTED_ENV, GRAPHQL_MAX_TOKENS: "50" });
    const before = calls(h);
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: vehicleId`).join(" ");
    const answer = await post(h, {
      query: `{ vehicle(vehicleId: "${VIN}") { ${aliases} } }`,
    });
    expect(answer.status).toBe(403);
    expect(answer.errors?.[0]?.extensions.code).toBe("TRUSTED_DOCUMENT_REQUIRED");
    expect(calls(h)).toEqual(before);
  });
});
