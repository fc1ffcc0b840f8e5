import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LRUCache } from "lru-cache";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import {
  canonicalText,
  sha256,
  trustedDocumentsFrom,
} from "../../src/gateway/trusted-documents.js";
import type { Logger } from "../../src/logger.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { type GatewayHarness, type HarnessOptions, startGateway } from "../support/gateway.js";
import { multipartBody } from "../support/operations.js";
import { tinyRgbaPng } from "../support/pictures.js";

/**
 * The request pipeline (src/gateway/phases/) with the features that meet in one phase running
 * together, each counted at the emulators: trusted documents with shared operations (documents
 * before execution), client keys with shared operations, the document limits with trusted
 * documents, CSRF with GraphiQL's page and SSE, multipart uploads with the body limits, and the
 * phases' order itself (a request refused in admission is never parsed; one refused in documents
 * never reaches an upstream, and is still logged and counted).
 *
 * Shared queries run in the setup the README recommends for production: trusted documents
 * (TRUSTED_DOCUMENTS_ONLY) and client keys (CLIENTS_PATH). A query sent by hash, as the
 * manifest's text or as the same document written differently, joins the one in flight; a client
 * never joins another client's query.
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

async function gateway(
  gatewayEnv: Record<string, string>,
  options: HarnessOptions = { trustedDocuments: TRUSTED },
): Promise<GatewayHarness> {
  const h = await startGateway({ gatewayEnv, ...options });
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

/** A CLIENTS_PATH file with one fresh key per name. */
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

describe("shared queries with client keys (CLIENTS_PATH)", () => {
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

  it("a request without a known key is refused 401 and never joins the query in flight", async () => {
    const {
      path,
      keys: [mine],
    } = await clientsFile(["dealer-web"]);
    const h = await gateway({ ...TRUSTED_ENV, CLIENTS_PATH: path });
    const { answer: first, before } = await firstWaitingForFeatures(h, byHash(), {
      "x-api-key": mine as string,
    });
    const [unknown, missing] = await Promise.all([
      post(h, byHash(), { "x-api-key": `fc_${randomUUID()}` }),
      post(h, byHash()),
    ]);
    for (const answer of [unknown, missing]) {
      expect(answer.status).toBe(401);
      expect(answer.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
      expect(answer.data).toBeUndefined();
    }
    const leader = await first;
    expect(costOf(leader)).toMatchObject({ calls: 2, client: "dealer-web" });
    expect(calls(h)).toEqual({ vehicle: before.vehicle + 1, features: before.features + 1 });
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

describe("document limits under trusted documents, each refused before any upstream call", () => {
  /** Three aliases of the vehicle's id. */
  const ALIASED = canonicalText(`query ProductionAliased($vehicleId: String!) {
    vehicle(vehicleId: $vehicleId) { a: vehicleId b: vehicleId c: vehicleId }
  }`) as string;
  const LIMITED = trustedDocumentsFrom({
    [`sha256:${PAGE_HASH}`]: PAGE,
    [`sha256:${sha256(ALIASED)}`]: ALIASED,
  });

  it("a trusted document over GRAPHQL_MAX_ALIASES, sent by hash, is refused by its limit", async () => {
    const h = await gateway(
      { ...TRUSTED_ENV, GRAPHQL_MAX_ALIASES: "2" },
      { trustedDocuments: LIMITED },
    );
    const before = calls(h);
    const answer = await post(h, byHash(sha256(ALIASED)));
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: "ALIAS_LIMIT_EXCEEDED",
      limit: 2,
    });
    expect(calls(h)).toEqual(before);
    expect((await post(h, byHash())).errors).toBeUndefined();
    expect(calls(h)).toEqual({ vehicle: before.vehicle + 1, features: before.features + 1 });
  });

  it("a manifest with a document over GRAPHQL_MAX_DOCUMENT_BYTES is refused at start-up, naming it", async () => {
    const h = await gateway(TRUSTED_ENV);
    const limit = Buffer.byteLength(PAGE) - 1;
    // Beside the first gateway: its emulators are reused, and closed with it.
    await expect(
      startGateway({
        beside: h,
        trustedDocuments: TRUSTED,
        gatewayEnv: { ...TRUSTED_ENV, GRAPHQL_MAX_DOCUMENT_BYTES: String(limit) },
      }),
    ).rejects.toThrow(
      new RegExp(`TRUSTED_DOCUMENTS_PATH: document ${PAGE_HASH}: .*GRAPHQL_MAX_DOCUMENT_BYTES`),
    );
  });

  it("text over GRAPHQL_MAX_DOCUMENT_BYTES is refused by its size before trusted documents read it", async () => {
    const h = await gateway({ ...TRUSTED_ENV, GRAPHQL_MAX_DOCUMENT_BYTES: "2048" });
    const before = calls(h);
    const lookups = documentCacheLookups();
    const text = `{ vehicle(vehicleId: "${"x".repeat(4096)}") { vehicleId } }`;
    const answer = await post(h, { query: text });
    expect(answer.status).toBe(413);
    expect(answer.errors?.[0]?.extensions.code).toBe("DOCUMENT_TOO_LARGE");
    expect(lookups.of(text)).toBe(0);
    expect(calls(h)).toEqual(before);
  });

  it("variables nested over GRAPHQL_MAX_NESTING are refused for a trusted document sent by hash", async () => {
    const h = await gateway({ ...TRUSTED_ENV, GRAPHQL_MAX_NESTING: "8" });
    const before = calls(h);
    const deep = JSON.parse(`${"[".repeat(20)}1${"]".repeat(20)}`) as unknown;
    const answer = await post(h, { ...byHash(), variables: { vehicleId: VIN, deep } });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: "NESTING_LIMIT_EXCEEDED",
      in: "variables",
    });
    expect(calls(h)).toEqual(before);
  });
});

/**
 * The document cache's lookups by text (its LRUCache's `get`): a document that reaches the parse
 * phase is looked up there first, so no lookup means no parse.
 */
function documentCacheLookups() {
  const get = vi.spyOn(LRUCache.prototype, "get");
  return { of: (text: string) => get.mock.calls.filter(([key]) => key === text).length };
}
afterEach(() => {
  vi.restoreAllMocks();
});

const FINAL_PHOTO = "https://images.forecourt-demo.example/WBA5R1C50KAE81715/front-left.jpg";
const SUBSCRIPTION = `subscription { imageUpdated(urls: ["${FINAL_PHOTO}"]) { status } }`;
const SUBSCRIBE_PATH = `/graphql?query=${encodeURIComponent(SUBSCRIPTION)}`;

describe("CSRF with GraphiQL's page and SSE subscriptions", () => {
  const subscribe = (h: GatewayHarness, headers: Record<string, string>) =>
    h.fetch(SUBSCRIBE_PATH, { headers: { accept: "text/event-stream", ...headers } });

  it("GraphiQL's page is served to a browser GET; a same-origin SSE subscription streams; a cross-site one is refused unparsed", async () => {
    const h = await gateway({}, {});
    const page = await h.fetch("/graphql", {
      headers: { accept: "text/html", "sec-fetch-site": "none" },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>Forecourt</title>");

    const lookups = documentCacheLookups();
    const before = h.carcutter.control.count(CARCUTTER.imageStatuses.name);
    const refused = await subscribe(h, {
      "sec-fetch-site": "cross-site",
      origin: "https://evil.example",
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/"code":"CSRF_PREVENTED"/);
    expect(lookups.of(SUBSCRIPTION)).toBe(0);
    expect(h.carcutter.control.count(CARCUTTER.imageStatuses.name)).toBe(before);

    const streamed = await subscribe(h, { "sec-fetch-site": "same-origin" });
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(await streamed.text()).toMatch(/"status":"FINAL"/);
    // The control: the one let through was looked up (and parsed), and read its status upstream.
    expect(lookups.of(SUBSCRIPTION)).toBeGreaterThan(0);
    expect(h.carcutter.control.count(CARCUTTER.imageStatuses.name)).toBe(before + 1);
  });

  it("with client keys, a browser GET without a key still gets a page, and an SSE subscription without one is refused unparsed", async () => {
    const { path } = await clientsFile(["dealer-web"]);
    // GraphiQL off (trusted documents), its page answered by the endpoints phase before admission.
    const h = await gateway({ ...TRUSTED_ENV, CLIENTS_PATH: path });
    const page = await h.fetch("/graphql", {
      headers: { accept: "text/html", "sec-fetch-site": "none" },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("GraphiQL is off");

    const lookups = documentCacheLookups();
    const refused = await subscribe(h, { "sec-fetch-site": "same-origin" });
    expect(refused.status).toBe(401);
    expect(lookups.of(SUBSCRIPTION)).toBe(0);
    expect(h.carcutter.control.counts()).toEqual({});
  });
});

describe("multipart uploads with the body limits", () => {
  const UPLOAD_MAX_BYTES = 4096;
  /** What server.ts derives from UPLOAD_MAX_BYTES: three files and a mebibyte for the rest. */
  const MAX_REQUEST_BODY_BYTES = 3 * UPLOAD_MAX_BYTES + 1024 * 1024;
  const MAX_DOCUMENT_BYTES = 1024;
  const SUBMIT = `mutation PipelineSubmit($input: SubmitImagesInput!) {
    submitImages(input: $input) { __typename ... on SubmitImagesPayload { accepted } }
  }`;
  const submissions = (h: GatewayHarness) => h.carcutter.control.count(CARCUTTER.submitImages.name);

  function submission(query = SUBMIT, padding = 0): FormData {
    const form = multipartBody(
      query,
      {
        input: {
          vehicleId: "PIPELINE-UPLOAD",
          urls: ["https://photos.example.com/pipeline/1.jpg"],
          processing: { cutType: "COMPLETE" },
          licensePlate: null,
        },
      },
      [
        {
          path: "variables.input.licensePlate",
          bytes: tinyRgbaPng(),
          filename: "plate.png",
          type: "image/png",
        },
      ],
    );
    // A part no operation reads: only the body limit can refuse what it adds.
    if (padding > 0) form.append("padding", "p".repeat(padding));
    return form;
  }

  /** Sent as a client does, with its Content-Length, or streamed without one. */
  async function send(h: GatewayHarness, form: FormData, declared: boolean) {
    const encoded = new Response(form);
    const headers: Record<string, string> = {
      "x-graphql-yoga-csrf": "1",
      "content-type": encoded.headers.get("content-type") as string,
    };
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    if (declared) headers["content-length"] = String(bytes.byteLength);
    const body = declared ? bytes : new Blob([bytes]).stream();
    const response = await h.fetch("/graphql", {
      method: "POST",
      headers,
      body,
      // @ts-expect-error: a streamed body needs it; lib.dom's RequestInit lacks it.
      duplex: "half",
    });
    return {
      status: response.status,
      bytes: bytes.byteLength,
      ...((await response.json()) as Answer & { data?: { submitImages?: unknown } }),
    };
  }

  it.each([
    ["with its Content-Length", true],
    ["streamed, without one", false],
  ])(
    "a body over the limit is refused 413 before any upstream call; one within passes (%s)",
    async (_, declared) => {
      const h = await gateway(
        {
          UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES),
          GRAPHQL_MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT_BYTES),
        },
        {},
      );
      const before = submissions(h);
      const lookups = documentCacheLookups();
      const over = await send(h, submission(SUBMIT, MAX_REQUEST_BODY_BYTES), declared);
      expect(over.bytes).toBeGreaterThan(MAX_REQUEST_BODY_BYTES);
      expect(over.status, JSON.stringify(over.errors)).toBe(413);
      expect(over.errors?.[0]?.extensions).toMatchObject({
        code: "REQUEST_ENTITY_TOO_LARGE",
        limit: MAX_REQUEST_BODY_BYTES,
      });
      expect(lookups.of(SUBMIT)).toBe(0);
      expect(submissions(h)).toBe(before);

      const within = await send(h, submission(SUBMIT, 1024), declared);
      expect(within.status).toBe(200);
      expect(within.errors).toBeUndefined();
      expect(within.data?.submitImages).toEqual({ __typename: "SubmitImagesPayload", accepted: 1 });
      expect(submissions(h)).toBe(before + 1);
    },
  );

  it("a multipart request whose document is over GRAPHQL_MAX_DOCUMENT_BYTES is refused 413, unparsed", async () => {
    const h = await gateway(
      {
        UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES),
        GRAPHQL_MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT_BYTES),
      },
      {},
    );
    const before = submissions(h);
    const lookups = documentCacheLookups();
    // Within the body limit by far; over the document's by a comment.
    const long = `${SUBMIT}\n# ${"c".repeat(MAX_DOCUMENT_BYTES)}`;
    const answer = await send(h, submission(long), true);
    expect(answer.status).toBe(413);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: "DOCUMENT_TOO_LARGE",
      limit: MAX_DOCUMENT_BYTES,
    });
    expect(lookups.of(long)).toBe(0);
    expect(submissions(h)).toBe(before);
  });
});

describe("the phases' order", () => {
  function capture() {
    const lines: Record<string, unknown>[] = [];
    const logger: Logger = {
      info: (obj) => lines.push(obj as Record<string, unknown>),
      warn: () => {},
      error: () => {},
    };
    return { logger, lines };
  }
  async function refusals(h: GatewayHarness, reason: string): Promise<number> {
    const { values } = await h.runtime.metrics.refusals.get();
    return values.find((v) => v.labels.reason === reason)?.value ?? 0;
  }
  const accessLines = (lines: Record<string, unknown>[]) =>
    lines.filter((line) => typeof line.requestId === "string" && "outcome" in line);

  it("refused in admission (client key, CSRF): never parsed, no upstream call, still logged and counted", async () => {
    const { path, keys } = await clientsFile(["dealer-web"]);
    const { logger, lines } = capture();
    const h = await gateway({ CLIENTS_PATH: path }, { logger });
    const lookups = documentCacheLookups();
    const page = byText().query;
    const keyless = await post(h, byText());
    expect(keyless.status).toBe(401);
    expect(keyless.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    // A GET with a valid key but sent cross-site, with no CSRF header.
    const query = new URLSearchParams({
      query: page,
      variables: JSON.stringify({ vehicleId: VIN }),
    });
    const csrf = await h.fetch(`/graphql?${query}`, {
      headers: {
        accept: "application/json",
        "x-api-key": keys[0] as string,
        "sec-fetch-site": "cross-site",
        origin: "https://evil.example",
      },
    });
    expect(csrf.status).toBe(403);
    expect(((await csrf.json()) as Answer).errors?.[0]?.extensions.code).toBe("CSRF_PREVENTED");
    expect(lookups.of(page)).toBe(0);
    expect(h.carcutter.control.counts()).toEqual({});
    expect(accessLines(lines).map((l) => [l.status, l.outcome])).toEqual([
      [401, "http 401"],
      [403, "CSRF_PREVENTED"],
    ]);
    expect(await refusals(h, "auth")).toBe(1);
    expect(await refusals(h, "csrf")).toBe(1);

    // The control: the same query, admitted, is looked up, parsed and run.
    const admitted = await post(h, byText(), { "x-api-key": keys[0] as string });
    expect(admitted.errors).toBeUndefined();
    expect(lookups.of(page)).toBeGreaterThan(0);
    expect(calls(h)).toEqual({ vehicle: 1, features: 1 });
  });

  it("refused in documents (untrusted, too deep): no upstream call, still logged and counted", async () => {
    const { logger, lines } = capture();
    const h = await gateway(
      { ...TRUSTED_ENV, GRAPHQL_MAX_DEPTH: "4" },
      {
        trustedDocuments: TRUSTED,
        logger,
      },
    );
    const untrusted = await post(h, { query: `{ vehicle(vehicleId: "${VIN}") { vehicleId } }` });
    expect(untrusted.status).toBe(403);
    const deep = await post(h, byHash(DEEP_HASH));
    expect(deep.status).toBe(400);
    expect(h.carcutter.control.counts()).toEqual({});
    expect(accessLines(lines).map((l) => [l.status, l.outcome, l.upstreamCalls])).toEqual([
      [403, "TRUSTED_DOCUMENT_REQUIRED", 0],
      [400, "DEPTH_LIMIT_EXCEEDED", 0],
    ]);
    expect(await refusals(h, "trusted-documents")).toBe(1);
    expect(await refusals(h, "depth")).toBe(1);
  });
});
