import { createHash, randomUUID } from "node:crypto";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  ClientsFileError,
  DEFAULT_CLIENT_LIMITS,
  parseClients,
} from "../../src/clients/clients-file.js";
import { SEED_VEHICLES } from "../../src/emulators/carcutter/seed.js";
import type { Logger } from "../../src/logger.js";
import { startServer } from "../../src/server.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import {
  TempDirs,
  type TestClient,
  testClient,
  clientsFile as writeClientsFile,
} from "../support/clients-file.js";
import {
  GATEWAY_ORIGIN,
  type GatewayHarness,
  NO_CACHE_ENV,
  startGateway,
} from "../support/gateway.js";
import { present } from "../support/operations.js";
import { localServerConfig } from "../support/server.js";
import { SseStream } from "../support/subscriptions.js";

/**
 * Client keys (CLIENTS_PATH), requests per minute, daily budgets, subscription caps, and the cap
 * on calls per second towards an upstream. Every refusal is checked at the emulators: no call.
 */

const VEHICLE = present(SEED_VEHICLES[0]).vehicle_id;
const PROCESSING_PHOTO = present(
  SEED_VEHICLES.flatMap((v) => v.images).find((image) => image.stage === "processing"),
).url;
const VEHICLE_QUERY = `{ vehicle(vehicleId: "${VEHICLE}") { vehicleId } }`;
const STOCK_LINK = `{ stockImage(imageId: "bmw-3-series-g20-front") { url } }`;

const client = testClient;

const dirs = new TempDirs("forecourt-clients-");
afterAll(() => dirs.removeAll());
const tempDir = () => dirs.make();
const clientsFile = (clients: readonly TestClient[]) => writeClientsFile(dirs, clients);

function post(h: GatewayHarness, query: string, headers: Record<string, string> = {}) {
  return h.fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
}

const upstreamCalls = (h: GatewayHarness) =>
  Object.values({ ...h.carcutter.control.counts(), ...h.oneauto.control.counts() }).reduce(
    (a, b) => a + b,
    0,
  );

function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (obj: object, msg: string) => lines.push(`${msg} ${JSON.stringify(obj)}`);
  return { lines, debug: log, warn: log, error: log };
}

describe("the clients file", () => {
  const defaults = { requestsPerMinute: 600, pencePerDay: 1000, maxSubscriptions: 20 };

  it("names every problem at once", () => {
    const text = JSON.stringify({
      clients: [
        { name: "ok", keySha256: "a".repeat(64) },
        { name: "bad name!", keySha256: "b".repeat(64) },
        { name: "no-hash" },
        { name: "short", keySha256: "abc", pencePerDay: -1 },
        { name: "ok", keySha256: "A".repeat(64) },
      ],
    });
    let error: unknown;
    try {
      parseClients("clients.json", text, defaults);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ClientsFileError);
    const problems = (error as ClientsFileError).problems.join("\n");
    expect(problems).toMatch(/clients\.1\.name: must be 1 to 64 letters/);
    expect(problems).toMatch(/clients\.2\.keySha256/);
    expect(problems).toMatch(/clients\.3\.keySha256: must be the hex sha256/);
    expect(problems).toMatch(/clients\.3\.pencePerDay: must be 0 \(unlimited\) or more/);
  });

  it("refuses a name or a key given twice", () => {
    const text = JSON.stringify({
      clients: [
        { name: "one", keySha256: "a".repeat(64) },
        { name: "one", keySha256: "A".repeat(64) },
      ],
    });
    expect(() => parseClients("clients.json", text, defaults)).toThrow(
      /clients\.1\.name: the same as clients\.0's[\s\S]*clients\.1\.keySha256: the same as clients\.0's/,
    );
  });

  it("gives each client the defaults it does not set", () => {
    const [entry] = parseClients(
      "clients.json",
      JSON.stringify({ clients: [{ name: "web", keySha256: "c".repeat(64), pencePerDay: 0 }] }),
      defaults,
    );
    expect(entry?.limits).toEqual({ requestsPerMinute: 600, pencePerDay: 0, maxSubscriptions: 20 });
  });
});

describe("client keys", () => {
  const web = client("showroom-web");
  const app = client("stock-app");
  const logger = capturingLogger();
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGateway({
      gatewayEnv: { CLIENTS_PATH: await clientsFile([web, app]) },
      logger,
    });
  });
  afterAll(() => h.close());

  it("a request without a key, or with one not in the file, is a 401 before any upstream call", async () => {
    h.carcutter.control.reset();
    const attempts: Record<string, string>[] = [
      {},
      { "x-api-key": "fc_not-a-key" },
      { authorization: "Bearer fc_not-a-key" },
      { authorization: `Basic ${web.key}` },
    ];
    for (const headers of attempts) {
      const response = await post(h, VEHICLE_QUERY, headers);
      expect(response.status).toBe(401);
      const body = await response.json();
      expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
      expect(body.errors[0].message).toMatch(
        headers["x-api-key"] || headers.authorization?.startsWith("Bearer")
          ? /client key is not known/
          : /needs a client key: send it as the x-api-key header/,
      );
    }
    expect(upstreamCalls(h)).toBe(0);
  });

  it("a known key passes, as x-api-key or as a bearer token, and names its client in extensions.cost", async () => {
    for (const [headers, name] of [
      [{ "x-api-key": web.key }, web.name],
      [{ authorization: `Bearer ${app.key}` }, app.name],
    ] as const) {
      const response = await post(h, VEHICLE_QUERY, headers);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.data.vehicle.vehicleId).toBe(VEHICLE);
      expect(body.extensions.cost).toMatchObject({ client: name, pencePerDay: 1000 });
    }
  });

  it("a query in flight is shared within a client, never across clients (SHARE_INFLIGHT_READS)", async () => {
    const page = `{ vehicle(vehicleId: "${VEHICLE}") { vehicleId features { featureId } } }`;
    h.carcutter.control.reset();
    // The first query has its vehicle and waits for the features when the others arrive.
    h.carcutter.control.script({
      operation: CARCUTTER.features.name,
      fault: { kind: "latency", ms: 300 },
    });
    const first = post(h, page, { "x-api-key": web.key });
    await new Promise((resolve) => setTimeout(resolve, 120));
    const [sameClient, otherClient] = await Promise.all([
      post(h, page, { "x-api-key": web.key }),
      post(h, page, { "x-api-key": app.key }),
    ]);
    const costs = await Promise.all(
      [first, sameClient, otherClient].map(async (r) => (await (await r).json()).extensions.cost),
    );
    // The other client runs the query itself: its own vehicle call; its features read, identical
    // to one still in flight, shares that upstream call (reads are shared across clients).
    expect(costs.map((c) => [c.client, c.calls, c.cacheHitCount])).toEqual([
      [web.name, 2, 0],
      [web.name, 0, 2],
      [app.name, 1, 1],
    ]);
    expect(h.carcutter.control.counts()[CARCUTTER.vehicle.name]).toBe(2);
  });

  it("an SSE subscription needs its key too", async () => {
    const subscribe = (headers: Record<string, string>) =>
      h.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream", ...headers },
        body: JSON.stringify({
          query: `subscription { imageUpdated(urls: ["${PROCESSING_PHOTO}"]) { status } }`,
        }),
      });
    h.carcutter.control.reset();
    const refused = await subscribe({});
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/UNAUTHENTICATED/);
    expect(upstreamCalls(h)).toBe(0);
    const controller = new AbortController();
    const open = await h.fetch("/graphql", {
      method: "POST",
      signal: controller.signal,
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        "x-api-key": web.key,
      },
      body: JSON.stringify({
        query: `subscription { imageUpdated(urls: ["${PROCESSING_PHOTO}"]) { status } }`,
      }),
    });
    expect(open.status).toBe(200);
    expect(open.headers.get("content-type")).toMatch(/text\/event-stream/);
    controller.abort();
  });

  it("health, readiness and GraphiQL's page need no key", async () => {
    expect((await h.fetch("/health")).status).toBe(200);
    expect((await h.fetch("/ready")).status).toBe(200);
    const page = await h.fetch("/graphql", { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/graphiql/i);
  });

  it("no key appears in an answer or in the log", async () => {
    const answers: string[] = [];
    const attempts: Record<string, string>[] = [
      { "x-api-key": web.key },
      { "x-api-key": `${web.key}x` },
      {},
    ];
    for (const headers of attempts) {
      const response = await post(h, VEHICLE_QUERY, headers);
      answers.push(
        `${[...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${await response.text()}`,
      );
    }
    const everything = `${answers.join("\n")}\n${logger.lines.join("\n")}`;
    for (const key of [web.key, app.key]) {
      expect(everything).not.toContain(key);
      expect(everything).not.toContain(key.slice(3));
    }
  });
});

describe("client keys over graphql-ws", () => {
  const web = client("ws-web");
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    const dataDir = await tempDir();
    server = await startServer(
      localServerConfig({
        FORECOURT_DATA_DIR: dataDir,
        CLIENTS_PATH: await clientsFile([web]),
      }),
    );
  });
  afterAll(() => server.close());

  /** Opens a socket, sends connection_init with `payload`, answers the close code or the ack. */
  function connect(payload: Record<string, unknown> | undefined) {
    const socket = new WebSocket(
      `${server.url.replace("http", "ws")}/graphql`,
      "graphql-transport-ws",
    );
    const outcome = new Promise<{ closed?: number; acked?: true }>((resolve) => {
      socket.on("open", () =>
        socket.send(JSON.stringify({ type: "connection_init", ...(payload ? { payload } : {}) })),
      );
      socket.on("message", (data) => {
        if (JSON.parse(String(data)).type === "connection_ack") resolve({ acked: true });
      });
      socket.on("close", (code) => resolve({ closed: code }));
    });
    return { socket, outcome };
  }

  it("closes with 4401 without a key or with an unknown one, before any upstream call", async () => {
    const carcutter = present(server.emulators?.carcutter);
    carcutter.emulator.control.reset();
    for (const payload of [undefined, {}, { apiKey: "fc_wrong" }, { apiKey: 42 }]) {
      const { outcome } = connect(payload);
      expect(await outcome).toEqual({ closed: 4401 });
    }
    expect(carcutter.emulator.control.counts()).toEqual({});
  });

  it("runs operations for a known key", async () => {
    const { socket, outcome } = connect({ apiKey: web.key });
    expect(await outcome).toEqual({ acked: true });
    const answer = new Promise<unknown>((resolve) => {
      socket.on("message", (data) => {
        const message = JSON.parse(String(data));
        if (message.type === "next") resolve(message.payload);
      });
    });
    socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: VEHICLE_QUERY } }));
    expect(await answer).toMatchObject({
      data: { vehicle: { vehicleId: VEHICLE } },
      extensions: { cost: { client: web.name } },
    });
    socket.close();
  });
});

describe("requests per minute", () => {
  it("without clients each source address is limited, and the machine itself is not", async () => {
    const h = await startGateway({ gatewayEnv: { CLIENT_REQUESTS_PER_MINUTE: "3" } });
    try {
      const from = (remoteAddress: string) =>
        Promise.resolve(
          h.runtime.gateway.fetch(
            `${GATEWAY_ORIGIN}/graphql`,
            {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ query: "{ usage { client } }" }),
            },
            { req: { socket: { remoteAddress } } },
          ),
        );
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await from("203.0.113.7")).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const other = await from("203.0.113.8");
      expect(await other.json()).toMatchObject({
        data: { usage: { client: "address:203.0.113.8" } },
      });
      for (let i = 0; i < 5; i++) expect((await from("127.0.0.1")).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await post(h, "{ usage { client } }")).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  describe.skipIf(!process.env.REDIS_URL)("two instances sharing Redis", () => {
    it("a limit of 10 a minute: the 11th request on either instance is refused with Retry-After, and makes no call", async () => {
      const web = client("limited", { requestsPerMinute: 10 });
      const env = {
        REDIS_URL: process.env.REDIS_URL ?? "",
        CACHE_NAMESPACE: `rl-${randomUUID()}`,
      };
      const path = await clientsFile([web]);
      const a = await startGateway({ env, gatewayEnv: { CLIENTS_PATH: path } });
      const b = await startGateway({ env, gatewayEnv: { CLIENTS_PATH: path }, beside: a });
      try {
        const key = { "x-api-key": web.key };
        for (let i = 0; i < 10; i++) {
          const response = await post(i % 2 === 0 ? a : b, VEHICLE_QUERY, key);
          expect(response.status).toBe(200);
        }
        const calls = upstreamCalls(a);
        for (const gateway of [a, b]) {
          const refused = await post(gateway, VEHICLE_QUERY, key);
          expect(refused.status).toBe(429);
          const retryAfter = Number(refused.headers.get("retry-after"));
          expect(retryAfter).toBeGreaterThan(0);
          expect(retryAfter).toBeLessThanOrEqual(60);
          const body = await refused.json();
          expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
          expect(body.errors[0].message).toMatch(/at most 10 a minute/);
        }
        expect(upstreamCalls(a)).toBe(calls);
      } finally {
        await b.close();
        await a.close();
        const redis = new Redis(env.REDIS_URL);
        const keys = await redis.keys(`${env.CACHE_NAMESPACE}:*`);
        if (keys.length > 0) await redis.del(...keys);
        redis.disconnect();
      }
    });
  });
});

describe("daily budgets", () => {
  /** Two 15p stock links fit in 30p; the third is refused before any call. */
  async function spendTwoThenRefused(first: GatewayHarness, last: GatewayHarness, key: string) {
    const headers = { "x-api-key": key };
    first.oneauto.control.reset();
    for (let i = 0; i < 2; i++) {
      const response = await post(first, STOCK_LINK, headers);
      const body = await response.json();
      expect(body.errors).toBeUndefined();
      expect(body.extensions.cost).toMatchObject({
        paidCalls: 1,
        spentPenceToday: 15 * (i + 1),
        pencePerDay: 30,
      });
    }
    expect(first.oneauto.control.counts()).toEqual({ [ONEAUTO.imageLink.name]: 2 });
    await expectRefused(last, key);
    expect(first.oneauto.control.counts()).toEqual({ [ONEAUTO.imageLink.name]: 2 });
  }

  async function expectRefused(h: GatewayHarness, key: string) {
    const response = await post(h, STOCK_LINK, { "x-api-key": key });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await response.json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toMatchObject({
      code: "BUDGET_EXHAUSTED",
      pencePerDay: 30,
      spentPenceToday: 30,
      leftPence: 0,
      worstCasePence: 15,
    });
    expect(body.errors[0].message).toMatch(/0p left of its 30p for today/);
  }

  it("a client at 30p a day gets two 15p stock links; the third is refused, also after a restart", async () => {
    const dealer = client("dealer", { pencePerDay: 30 });
    const env = { ...NO_CACHE_ENV, FORECOURT_DATA_DIR: await tempDir() };
    const gatewayEnv = { CLIENTS_PATH: await clientsFile([dealer]) };
    const first = await startGateway({ env, gatewayEnv });
    try {
      await spendTwoThenRefused(first, first, dealer.key);
      // Free operations still run: nothing in them could spend.
      const free = await post(first, VEHICLE_QUERY, { "x-api-key": dealer.key });
      expect(free.status).toBe(200);
    } finally {
      await first.close();
    }
    const restarted = await startGateway({ env, gatewayEnv });
    try {
      restarted.oneauto.control.reset();
      await expectRefused(restarted, dealer.key);
      expect(restarted.oneauto.control.counts()).toEqual({});
    } finally {
      await restarted.close();
    }
  });

  it("usage answers the caller's own spend by day and upstream operation", async () => {
    const mine = client("mine", { pencePerDay: 100 });
    const theirs = client("theirs");
    const h = await startGateway({
      env: NO_CACHE_ENV,
      gatewayEnv: { CLIENTS_PATH: await clientsFile([mine, theirs]) },
    });
    try {
      for (let i = 0; i < 2; i++) await post(h, STOCK_LINK, { "x-api-key": mine.key });
      const usage = `{ usage(days: 3) { client pencePerDay spentPenceToday days { day paidCalls pence operations { upstream operation paidCalls pence } } } }`;
      const body = await (await post(h, usage, { "x-api-key": mine.key })).json();
      const today = new Date().toISOString().slice(0, 10);
      expect(body.data.usage).toEqual({
        client: "mine",
        pencePerDay: 100,
        spentPenceToday: 30,
        days: [
          {
            day: today,
            paidCalls: 2,
            pence: 30,
            operations: [
              { upstream: "oneauto", operation: ONEAUTO.imageLink.name, paidCalls: 2, pence: 30 },
            ],
          },
        ],
      });
      const other = await (await post(h, usage, { "x-api-key": theirs.key })).json();
      expect(other.data.usage).toMatchObject({ client: "theirs", spentPenceToday: 0, days: [] });
      const tooMany = await (
        await post(h, "{ usage(days: 400) { client } }", { "x-api-key": mine.key })
      ).json();
      expect(tooMany.errors[0].message).toMatch(/at most 366/);
    } finally {
      await h.close();
    }
  });

  describe.skipIf(!process.env.DATABASE_URL)("two instances sharing PostgreSQL", () => {
    it("what one instance charged, the other counts", async () => {
      const dealer = client("dealer-pg", { pencePerDay: 30 });
      const schema = `spend_${randomUUID().replaceAll("-", "")}`.slice(0, 40);
      const env = { ...NO_CACHE_ENV, DATABASE_URL: process.env.DATABASE_URL ?? "" };
      const gatewayEnv = { CLIENTS_PATH: await clientsFile([dealer]) };
      const a = await startGateway({ env, gatewayEnv, postgresSchema: schema });
      const b = await startGateway({ env, gatewayEnv, postgresSchema: schema, beside: a });
      try {
        await spendTwoThenRefused(a, b, dealer.key);
      } finally {
        await b.close();
        await a.close();
        const pg = await import("pg");
        const db = new pg.default.Client(process.env.DATABASE_URL);
        await db.connect();
        await db.query(`drop schema if exists ${schema} cascade`);
        await db.end();
      }
    });
  });
});

describe("subscriptions per client", () => {
  it("beyond maxSubscriptions a subscription is refused with its code; closing one makes room", async () => {
    const viewer = client("viewer", { maxSubscriptions: 1 });
    const h = await startGateway({ gatewayEnv: { CLIENTS_PATH: await clientsFile([viewer]) } });
    const open = (signal?: AbortSignal) =>
      new SseStream(
        h.fetch("/graphql", {
          method: "POST",
          ...(signal ? { signal } : {}),
          headers: {
            "content-type": "application/json",
            accept: "text/event-stream",
            "x-api-key": viewer.key,
          },
          body: JSON.stringify({
            query: `subscription { imageUpdated(urls: ["${PROCESSING_PHOTO}"]) { status } }`,
          }),
        }),
      );
    try {
      const first = new AbortController();
      const firstStream = open(first.signal);
      // The first event: the photo's current status, so the subscription is under way.
      expect(await firstStream.nexts(1)).toEqual([
        { data: { imageUpdated: { status: "PROCESSING" } } },
      ]);
      const second = await open().next();
      expect(second?.event).toBe("next");
      expect(JSON.stringify(second?.data)).toMatch(/SUBSCRIPTION_LIMIT_EXCEEDED/);
      first.abort();
      await firstStream.cancel().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 50));
      const third = new AbortController();
      const thirdStream = open(third.signal);
      expect(await thirdStream.nexts(1)).toEqual([
        { data: { imageUpdated: { status: "PROCESSING" } } },
      ]);
      third.abort();
      await thirdStream.cancel().catch(() => {});
    } finally {
      await h.close();
    }
  });
});

describe("calls per second towards an upstream", () => {
  it("stays at or below CARCUTTER_MAX_REQUESTS_PER_SECOND; beyond what a short wait allows, UPSTREAM_THROTTLED", async () => {
    const perSecond = 5;
    const shared: Record<string, string> = process.env.REDIS_URL
      ? { REDIS_URL: process.env.REDIS_URL, CACHE_NAMESPACE: `up-${randomUUID()}` }
      : {};
    // Each request its own call: shared reads would make 30 identical reads one.
    const gatewayEnv = {
      ...shared,
      CARCUTTER_MAX_REQUESTS_PER_SECOND: String(perSecond),
      SHARE_INFLIGHT_READS: "false",
    };
    const a = await startGateway({ gatewayEnv });
    // With Redis, two instances share the cap; without, one instance is checked alone.
    const b = process.env.REDIS_URL ? await startGateway({ gatewayEnv, beside: a }) : a;
    try {
      a.carcutter.control.reset();
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          post(i % 2 === 0 ? a : b, VEHICLE_QUERY).then((r) => r.json()),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const calls = a.carcutter.control.counts()[CARCUTTER.vehicle.name] ?? 0;
      const served = answers.filter((answer) => answer.data?.vehicle?.vehicleId === VEHICLE).length;
      const throttled = answers.filter(
        (answer) => answer.errors?.[0]?.extensions?.code === "UPSTREAM_THROTTLED",
      );
      expect(served + throttled.length).toBe(30);
      expect(calls).toBe(served);
      // Whole windows of one second: the first, and one more per second the burst lasted.
      expect(calls).toBeLessThanOrEqual(perSecond * (Math.ceil(seconds) + 1));
      expect(throttled.length).toBeGreaterThan(0);
      expect(throttled[0].errors[0].message).toMatch(/CARCUTTER_MAX_REQUESTS_PER_SECOND/);
    } finally {
      if (b !== a) await b.close();
      await a.close();
    }
  });
});

describe("calls per second towards OneAuto", () => {
  it("stays at or below ONEAUTO_MAX_REQUESTS_PER_SECOND: the calls it lets through are spread over time", async () => {
    const perSecond = 4;
    const h = await startGateway({
      // Each request its own call: no identification cache, no shared reads.
      env: NO_CACHE_ENV,
      gatewayEnv: {
        ONEAUTO_MAX_REQUESTS_PER_SECOND: String(perSecond),
        SHARE_INFLIGHT_READS: "false",
      },
    });
    try {
      // Distinct searches: identical ones in flight would share one call.
      const search = (year: number) =>
        `{ stockSearch(input: { manufacturer: "BMW", modelRange: "3 Series", year: ${year} }) { year } }`;
      const first = await post(h, search(1999)).then((r) => r.json());
      expect(first.errors).toBeUndefined();
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => post(h, search(2000 + i)).then((r) => r.json())),
      );
      const seconds = (performance.now() - started) / 1000;
      const calls = (h.oneauto.control.counts()[ONEAUTO.search.name] ?? 0) - 1;
      const served = answers.filter((answer) => answer.errors === undefined).length;
      const throttled = answers.filter(
        (answer) => answer.errors?.[0]?.extensions?.code === "UPSTREAM_THROTTLED",
      );
      expect(served + throttled.length).toBe(12);
      expect(calls).toBe(served);
      // No more than the cap in any second: whole windows, the first and one per second since.
      expect(calls).toBeLessThanOrEqual(perSecond * (Math.ceil(seconds) + 1));
      // More were served than one window holds: the rest waited for a later second.
      expect(served).toBeGreaterThan(perSecond);
      expect(seconds).toBeGreaterThanOrEqual(((served + 1) / perSecond - 1) * 0.9);
      expect(throttled.length).toBeGreaterThan(0);
      expect(throttled[0].errors[0].message).toMatch(/ONEAUTO_MAX_REQUESTS_PER_SECOND/);
    } finally {
      await h.close();
    }
  });
});

describe("an open gateway", () => {
  it("warns once at start when it listens beyond this machine without client keys", async () => {
    const warnings = async (host: string) => {
      const logger = capturingLogger();
      const server = await startServer(
        localServerConfig({
          HOST: host,
          FORECOURT_DATA_DIR: await tempDir(),
        }),
        { logger },
      );
      await server.close();
      return logger.lines.filter((line) => line.includes("CLIENTS_PATH"));
    };
    expect(await warnings("0.0.0.0")).toHaveLength(1);
    expect(await warnings("127.0.0.1")).toEqual([]);
  });
});

describe("idempotency keys are each client's own", () => {
  it("two clients that pick the same key each get their own submission", async () => {
    const one = client("one");
    const two = client("two");
    const h = await startGateway({ gatewayEnv: { CLIENTS_PATH: await clientsFile([one, two]) } });
    try {
      const submit = (key: string, url: string) =>
        post(
          h,
          `mutation { submitImages(input: {vehicleId: "${VEHICLE}", urls: ["${url}"], processing: {cutType: NONE}, idempotencyKey: "shared-key"}) { ... on SubmitImagesPayload { results { url outcome } } } }`,
          { "x-api-key": key },
        ).then((r) => r.json());
      h.carcutter.control.reset();
      const first = await submit(one.key, "https://photos.example.com/idem/one/front.jpg");
      const second = await submit(two.key, "https://photos.example.com/idem/two/front.jpg");
      expect(first.data.submitImages.results).toEqual([
        { url: "https://photos.example.com/idem/one/front.jpg", outcome: "ACCEPTED" },
      ]);
      expect(second.data.submitImages.results).toEqual([
        { url: "https://photos.example.com/idem/two/front.jpg", outcome: "ACCEPTED" },
      ]);
      expect(h.carcutter.control.counts()[CARCUTTER.submitImages.name]).toBe(2);
      // The same client again with its key: its first answer, nothing sent.
      const again = await submit(one.key, "https://photos.example.com/idem/one/front.jpg");
      expect(again.data.submitImages.results).toEqual(first.data.submitImages.results);
      expect(h.carcutter.control.counts()[CARCUTTER.submitImages.name]).toBe(2);
    } finally {
      await h.close();
    }
  });
});

describe("npm run client:key", () => {
  it("prints a new key once, and an entry whose hash is that key's, which the clients file accepts", async () => {
    const { execFile } = await import("node:child_process");
    const { promisify } = await import("node:util");
    const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
    const run = () =>
      promisify(execFile)(tsx, ["scripts/client-key.ts", "showroom-web"], { cwd: process.cwd() });
    const [first, second] = await Promise.all([run(), run()]);
    const keyOf = (out: string) => present(/^\s+(fc_[A-Za-z0-9_-]{43})$/m.exec(out)?.[1]);
    const entryOf = (out: string) => JSON.parse(present(/^\s+(\{"name".*\})$/m.exec(out)?.[1]));
    const key = keyOf(first.stdout);
    expect(keyOf(second.stdout)).not.toBe(key);
    const entry = entryOf(first.stdout);
    expect(entry).toEqual({
      name: "showroom-web",
      keySha256: createHash("sha256").update(key).digest("hex"),
    });
    const [parsed] = parseClients(
      "clients.json",
      JSON.stringify({ clients: [entry] }),
      DEFAULT_CLIENT_LIMITS,
    );
    expect(parsed?.name).toBe("showroom-web");
    const refused = await promisify(execFile)(tsx, ["scripts/client-key.ts", "bad name"]).catch(
      (error: { code?: number }) => error,
    );
    expect(refused).toMatchObject({ code: 2 });
  }, 60_000);
});
