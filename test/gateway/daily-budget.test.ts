import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { SEED_VEHICLES } from "../../src/emulators/carcutter/seed.js";
import { STOCK_MODELS } from "../../src/emulators/oneauto/catalogue.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import {
  TempDirs,
  type TestClient,
  testClient,
  clientsFile as writeClientsFile,
} from "../support/clients-file.js";
import {
  type GatewayHarness,
  type HarnessOptions,
  NO_CACHE_ENV,
  startGateway,
} from "../support/gateway.js";
import { present } from "../support/operations.js";

/**
 * Daily budgets under concurrency (an operation's worst case is reserved before it runs and
 * settled to what it spent when it ends) and today's spend as `extensions.cost` reports it, after
 * a restart and across instances. Paid calls are counted at the OneAuto emulator.
 */

const VEHICLE_QUERY = `{ vehicle(vehicleId: "${present(SEED_VEHICLES[0]).vehicle_id}") { vehicleId } }`;
const USAGE_TODAY = "{ usage(days: 1) { spentPenceToday } }";
const LINK_PENCE = 15;

/** A client whose daily budget every test here sets. */
type Dealer = TestClient & { pencePerDay: number };

const client = (name: string, pencePerDay: number): Dealer => ({
  ...testClient(name),
  pencePerDay,
});

const dirs = new TempDirs("forecourt-budget-");
afterAll(() => dirs.removeAll());
const tempDir = () => dirs.make();
const clientsFile = (clients: readonly TestClient[]) => writeClientsFile(dirs, clients);

/**
 * A gateway (nothing cached) with one client of `pencePerDay`, counters at 0, and the next
 * `slowLinks.times` OneAuto links held `slowLinks.ms` each; closed when `run` ends.
 */
async function withDealer(
  setup: {
    name: string;
    pencePerDay: number;
    gatewayEnv?: Record<string, string>;
    logger?: HarnessOptions["logger"];
    slowLinks?: { ms: number; times: number };
  },
  run: (h: GatewayHarness, dealer: Dealer) => Promise<void>,
): Promise<void> {
  const dealer = client(setup.name, setup.pencePerDay);
  const h = await startGateway({
    env: NO_CACHE_ENV,
    gatewayEnv: { CLIENTS_PATH: await clientsFile([dealer]), ...setup.gatewayEnv },
    ...(setup.logger ? { logger: setup.logger } : {}),
  });
  try {
    h.oneauto.control.reset();
    if (setup.slowLinks) {
      h.oneauto.control.script({
        operation: ONEAUTO.imageLink.name,
        fault: { kind: "latency", ms: setup.slowLinks.ms },
        times: setup.slowLinks.times,
      });
    }
    await run(h, dealer);
  } finally {
    await h.close();
  }
}

interface Answer {
  status: number;
  /** The Retry-After header, in seconds. */
  retryAfter: number | undefined;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
  extensions?: { cost: { paidCalls: number; spentPenceToday: number; estimatedPence: number } };
}

async function post(h: GatewayHarness, query: string, key?: string): Promise<Answer> {
  const response = await h.fetch("/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      ...(key === undefined ? {} : { "x-api-key": key }),
    },
    body: JSON.stringify({ query }),
  });
  const retryAfter = response.headers.get("retry-after");
  return {
    status: response.status,
    retryAfter: retryAfter === null ? undefined : Number(retryAfter),
    ...((await response.json()) as Omit<Answer, "status" | "retryAfter">),
  };
}

/** Every stock link the emulator can serve: image id × photographed colour × background. */
const LINKS = STOCK_MODELS.flatMap((model) =>
  model.views.flatMap((view) =>
    model.coloursWithImages.flatMap((color) =>
      ["OPAQUE", "TRANSPARENT"].map(
        (background) =>
          `imageId: "${model.key}-${view.replaceAll("_", "-")}", color: "${color}", background: ${background}`,
      ),
    ),
  ),
);

/** Operation `i` of a burst: five stock links no other operation of the burst asks for (75p). */
function fiveLinks(i: number): string {
  const fields = [0, 1, 2, 3, 4].map(
    (n) => `l${n}: stockImage(${present(LINKS[i * 5 + n])}) { url }`,
  );
  return `{ ${fields.join(" ")} }`;
}

/** Links OneAuto billed: the requests it answered with a link. */
const paidLinks = (h: GatewayHarness) => h.oneauto.control.answered(ONEAUTO.imageLink.name, 200);

/**
 * A client at 200p a day sends 20 operations at once, each of five distinct links (75p worst
 * case), spread over `gateways` in turn. Answers what was admitted and spent.
 */
async function burst(gateways: readonly GatewayHarness[], key: string) {
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      post(present(gateways[i % gateways.length]), fiveLinks(i), key),
    ),
  );
  const admitted = answers.filter((a) => a.status === 200);
  const refused = answers.filter((a) => a.status !== 200);
  const usage = await post(present(gateways[0]), USAGE_TODAY, key);
  return { admitted, refused, usage };
}

function expectBurstWithinBudget(
  result: Awaited<ReturnType<typeof burst>>,
  paidCalls: number,
): void {
  const { admitted, refused, usage } = result;
  // 200p holds two 75p worst cases; a third never fits, whatever the order they arrive in.
  expect(admitted).toHaveLength(2);
  for (const answer of admitted) {
    expect(answer.errors).toBeUndefined();
    expect(answer.extensions?.cost.paidCalls).toBe(5);
  }
  expect(paidCalls).toBe(10);
  expect(refused).toHaveLength(18);
  for (const answer of refused) {
    expect(answer.status).toBe(429);
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: "BUDGET_EXHAUSTED",
      pencePerDay: 200,
      worstCasePence: 75,
    });
    const refusal = present(answer.errors?.[0]).extensions;
    expect(refusal.leftPence).toBeLessThan(75);
    expect(answer.retryAfter).toBe(refusal.retryAfterSeconds);
  }
  expect(usage.data).toEqual({ usage: { spentPenceToday: paidCalls * LINK_PENCE } });
}

describe("a daily budget under concurrency", () => {
  it("20 operations of 75p at once, against 200p a day: two run, 18 are refused before any call", async () => {
    await withDealer({ name: "burst", pencePerDay: 200 }, async (h, dealer) => {
      const result = await burst([h], dealer.key);
      expectBurstWithinBudget(result, paidLinks(h));
    });
  });

  it("an operation that spent less than it reserved gives the rest back: a later one fits", async () => {
    await withDealer({ name: "settles", pencePerDay: 30 }, async (h, dealer) => {
      // 30p reserved; the BMW has no red photo, so OneAuto bills only the first link.
      const partly = await post(
        h,
        `{ a: stockImage(imageId: "bmw-3-series-g20-front", color: "Black") { url }
         b: stockImage(imageId: "bmw-3-series-g20-rear", color: "Red") { url } }`,
        dealer.key,
      );
      expect(partly.extensions?.cost).toMatchObject({ paidCalls: 1, spentPenceToday: 15 });
      expect(paidLinks(h)).toBe(1);
      const later = await post(
        h,
        `{ stockImage(imageId: "bmw-3-series-g20-left", color: "Blue") { url } }`,
        dealer.key,
      );
      expect(later.errors).toBeUndefined();
      expect(later.extensions?.cost).toMatchObject({ paidCalls: 1, spentPenceToday: 30 });
      const refused = await post(
        h,
        `{ stockImage(imageId: "bmw-3-series-g20-right", color: "Blue") { url } }`,
        dealer.key,
      );
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: "BUDGET_EXHAUSTED",
        leftPence: 0,
      });
      expect(paidLinks(h)).toBe(2);
    });
  });

  it("refused only for what a running operation holds: Retry-After within the operation deadline, not midnight", async () => {
    await withDealer(
      {
        name: "waits",
        pencePerDay: 30,
        gatewayEnv: { REQUEST_TIMEOUT_MS: "20000" },
        slowLinks: { ms: 500, times: 2 },
      },
      async (h, dealer) => {
        const running = post(
          h,
          `{ a: stockImage(imageId: "bmw-3-series-g20-front", color: "Black") { url }
         b: stockImage(imageId: "bmw-3-series-g20-rear", color: "Black") { url } }`,
          dealer.key,
        );
        await vi.waitFor(() => expect(h.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(2));
        const refused = await post(
          h,
          `{ stockImage(imageId: "bmw-3-series-g20-left", color: "Black") { url } }`,
          dealer.key,
        );
        expect(refused.status).toBe(429);
        expect(refused.errors?.[0]?.extensions).toMatchObject({
          code: "BUDGET_EXHAUSTED",
          spentPenceToday: 0,
          reservedPence: 30,
          leftPence: 0,
          retryAfterSeconds: 20,
        });
        expect(refused.retryAfter).toBe(20);
        expect(refused.errors?.[0]?.message).toMatch(
          /besides 30p held by its operations still running/,
        );
        expect((await running).extensions?.cost).toMatchObject({
          paidCalls: 2,
          spentPenceToday: 30,
        });
        // Now spent, not held: nothing comes back before midnight.
        const spent = await post(
          h,
          `{ stockImage(imageId: "bmw-3-series-g20-left", color: "Black") { url } }`,
          dealer.key,
        );
        expect(spent.errors?.[0]?.extensions).toMatchObject({
          spentPenceToday: 30,
          reservedPence: 0,
        });
        const now = new Date();
        const toMidnight =
          (Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) -
            now.getTime()) /
          1000;
        expect(spent.retryAfter).toBeGreaterThanOrEqual(Math.min(21, Math.floor(toMidnight)));
        expect(h.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(2);
      },
    );
  });

  it("an operation cut off by its deadline is charged for the billed calls it sent and never heard back from", async () => {
    await withDealer(
      {
        name: "deadline",
        pencePerDay: 75,
        gatewayEnv: { REQUEST_TIMEOUT_MS: "300" },
        slowLinks: { ms: 5_000, times: 5 },
      },
      async (h, dealer) => {
        const cut = await post(h, fiveLinks(0), dealer.key);
        expect(cut.errors?.map((e) => e.extensions.code)).toContain("OPERATION_TIMEOUT");
        // None is known to be billed, but OneAuto may bill all five: their 75p is not given back.
        expect(cut.extensions?.cost).toMatchObject({ paidCalls: 0, spentPenceToday: 75 });
        const again = await post(h, fiveLinks(1), dealer.key);
        expect(again.status).toBe(429);
        expect(again.errors?.[0]?.extensions).toMatchObject({
          code: "BUDGET_EXHAUSTED",
          spentPenceToday: 75,
          reservedPence: 0,
        });
        expect(h.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(5);
      },
    );
  });

  it("an operation whose client left is charged for the billed calls it had sent", async () => {
    await withDealer(
      { name: "leaves", pencePerDay: 75, slowLinks: { ms: 10_000, times: 5 } },
      async (h, dealer) => {
        const leaving = new AbortController();
        const left = h
          .fetch("/graphql", {
            method: "POST",
            headers: { "content-type": "application/json", "x-api-key": dealer.key },
            body: JSON.stringify({ query: fiveLinks(0) }),
            signal: leaving.signal,
          })
          .catch(() => undefined);
        // Its five calls are under way, so its 75p is held: then the client goes.
        await vi.waitFor(() => expect(h.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(5));
        leaving.abort();
        await left;
        // Held while it ends, then charged (not given back): refused until midnight, never run.
        const refused = await vi.waitFor(
          async () => {
            const answer = await post(h, fiveLinks(1), dealer.key);
            expect(answer.errors?.[0]?.extensions).toMatchObject({
              code: "BUDGET_EXHAUSTED",
              spentPenceToday: 75,
              reservedPence: 0,
            });
            return answer;
          },
          { timeout: 5_000, interval: 50 },
        );
        expect(refused.status).toBe(429);
        expect(h.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(5);
        expect((await post(h, USAGE_TODAY, dealer.key)).data).toEqual({
          usage: { spentPenceToday: 75 },
        });
      },
    );
  });

  it("a request that joins an identical query in flight (SHARE_INFLIGHT_READS) spends nothing: it neither reserves nor is refused", async () => {
    await withDealer(
      { name: "joins", pencePerDay: 75, slowLinks: { ms: 300, times: 5 } },
      async (h, dealer) => {
        // The first holds the whole 75p while its five calls are under way; then the same query.
        const first = post(h, fiveLinks(0), dealer.key);
        await vi.waitFor(() => expect(h.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(5));
        const joined = await post(h, fiveLinks(0), dealer.key);
        expect(joined.errors).toBeUndefined();
        expect(joined.data).toEqual((await first).data);
        expect(joined.extensions?.cost).toMatchObject({
          paidCalls: 0,
          cacheHitCount: 5,
          spentPenceToday: 75,
        });
        expect((await first).extensions?.cost).toMatchObject({ paidCalls: 5, spentPenceToday: 75 });
        // Five link requests in all (held ones are not in `answered`): none for the joiner.
        expect(h.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(5);
      },
    );
  });

  describe.skipIf(!process.env.DATABASE_URL)("two instances sharing PostgreSQL", () => {
    it("the same 20 operations split over two instances spend at most the budget", async () => {
      const dealer = client("burst-pg", 200);
      await withTwoInstances([dealer], async (a, b) => {
        a.oneauto.control.reset();
        const result = await burst([a, b], dealer.key);
        expectBurstWithinBudget(result, paidLinks(a));
      });
    });
  });
  if (!process.env.DATABASE_URL) {
    it.skip("two instances sharing PostgreSQL: skipped, DATABASE_URL is not set", () => {});
  }
});

describe("today's spend in extensions.cost", () => {
  it("after a restart it is the store's figure, as usage says, for a client and for the machine itself", async () => {
    const dealer = client("restarts", 100);
    const env = { ...NO_CACHE_ENV, FORECOURT_DATA_DIR: await tempDir() };
    const gatewayEnv = { CLIENTS_PATH: await clientsFile([dealer]) };
    const first = await startGateway({ env, gatewayEnv });
    try {
      for (const link of ["front", "rear", "left"]) {
        const spent = await post(
          first,
          `{ stockImage(imageId: "bmw-3-series-g20-${link}", color: "Black") { url } }`,
          dealer.key,
        );
        expect(spent.extensions?.cost.paidCalls).toBe(1);
      }
    } finally {
      await first.close();
    }
    const restarted = await startGateway({ env, gatewayEnv });
    try {
      const usage = await post(restarted, USAGE_TODAY, dealer.key);
      expect(usage.data).toEqual({ usage: { spentPenceToday: 45 } });
      // A free operation (nothing reserved, nothing spent), the first of the day here.
      const free = await post(restarted, VEHICLE_QUERY, dealer.key);
      expect(free.extensions?.cost.spentPenceToday).toBe(45);
    } finally {
      await restarted.close();
    }
  });

  it("the machine itself (no budget) sees its spend after a restart too", async () => {
    const env = { ...NO_CACHE_ENV, FORECOURT_DATA_DIR: await tempDir() };
    const first = await startGateway({ env });
    try {
      const spent = await post(
        first,
        `{ stockImage(imageId: "bmw-3-series-g20-front", color: "white") { url } }`,
      );
      expect(spent.extensions?.cost).toMatchObject({ paidCalls: 1 });
    } finally {
      await first.close();
    }
    const restarted = await startGateway({ env });
    try {
      const usage = await post(restarted, USAGE_TODAY);
      expect(usage.data).toEqual({ usage: { spentPenceToday: 15 } });
      const free = await post(restarted, VEHICLE_QUERY);
      expect(free.extensions?.cost.spentPenceToday).toBe(15);
    } finally {
      await restarted.close();
    }
  });

  describe.skipIf(!process.env.DATABASE_URL)("two instances sharing PostgreSQL", () => {
    it("each instance reports what both spent, as usage says", async () => {
      const dealer = client("today-pg", 1000);
      await withTwoInstances([dealer], async (a, b) => {
        const link = (h: GatewayHarness, view: string) =>
          post(
            h,
            `{ stockImage(imageId: "bmw-3-series-g20-${view}", color: "gray") { url } }`,
            dealer.key,
          );
        expect((await link(a, "front")).extensions?.cost.spentPenceToday).toBe(15);
        // b's first operation: free, yet it reports a's spend.
        expect((await post(b, VEHICLE_QUERY, dealer.key)).extensions?.cost.spentPenceToday).toBe(
          15,
        );
        expect((await link(b, "rear")).extensions?.cost.spentPenceToday).toBe(30);
        // a has run an operation before: it answers what it knew (no store read per free
        // operation) and refreshes it within a second or so, then reports b's spend too.
        await vi.waitFor(
          async () =>
            expect(
              (await post(a, VEHICLE_QUERY, dealer.key)).extensions?.cost.spentPenceToday,
            ).toBe(30),
          { timeout: 5_000, interval: 200 },
        );
        for (const h of [a, b]) {
          expect((await post(h, USAGE_TODAY, dealer.key)).data).toEqual({
            usage: { spentPenceToday: 30 },
          });
        }
      });
    });
  });
});

/** Two gateways over one PostgreSQL schema of their own and one pair of emulators. */
async function withTwoInstances(
  clients: readonly TestClient[],
  run: (a: GatewayHarness, b: GatewayHarness) => Promise<void>,
): Promise<void> {
  const schema = `budget_${randomUUID().replaceAll("-", "")}`.slice(0, 40);
  const env = { ...NO_CACHE_ENV, DATABASE_URL: process.env.DATABASE_URL ?? "" };
  const gatewayEnv = { CLIENTS_PATH: await clientsFile(clients) };
  const a = await startGateway({ env, gatewayEnv, postgresSchema: schema });
  const b = await startGateway({ env, gatewayEnv, postgresSchema: schema, beside: a });
  try {
    await run(a, b);
  } finally {
    await b.close();
    await a.close();
    const pg = await import("pg");
    const db = new pg.default.Client(process.env.DATABASE_URL);
    await db.connect();
    await db.query(`drop schema if exists ${schema} cascade`);
    await db.end();
  }
}

describe("when the budget's store fails", () => {
  const ONE_LINK = `{ stockImage(imageId: "bmw-3-series-g20-front", color: "Black") { url } }`;

  function spyLogger() {
    const warn = vi.fn();
    return { warn, error: vi.fn(), logged: () => JSON.stringify(warn.mock.calls) };
  }

  it("a reservation the store cannot take: 503 BUDGET_UNAVAILABLE with Retry-After, no upstream call", async () => {
    const logger = spyLogger();
    await withDealer({ name: "store-down", pencePerDay: 100, logger }, async (h, dealer) => {
      vi.spyOn(h.runtime.ledger, "reserveSpend").mockRejectedValueOnce(
        new Error("connect ECONNREFUSED 127.0.0.1:5432"),
      );
      const refused = await post(h, ONE_LINK, dealer.key);
      expect(refused.status).toBe(503);
      expect(refused.retryAfter).toBeGreaterThan(0);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: "BUDGET_UNAVAILABLE",
        retryAfterSeconds: refused.retryAfter,
        worstCasePence: LINK_PENCE,
      });
      expect(refused.errors?.[0]?.message).toMatch(/was not run.*Try again in \d+ s/);
      expect(h.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(0);
      expect(logger.logged()).toMatch(/ECONNREFUSED/);
      expect(logger.logged()).not.toContain(dealer.key);
      // The store back: the same operation runs.
      const ran = await post(h, ONE_LINK, dealer.key);
      expect(ran.status).toBe(200);
      expect(ran.extensions?.cost).toMatchObject({ paidCalls: 1, spentPenceToday: LINK_PENCE });
    });
  });

  it("a settle the store cannot take: the answer the client was billed for still comes, with its spend", async () => {
    const logger = spyLogger();
    await withDealer({ name: "settle-down", pencePerDay: 100, logger }, async (h, dealer) => {
      const first = await post(
        h,
        `{ stockImage(imageId: "bmw-3-series-g20-rear", color: "Black") { url } }`,
        dealer.key,
      );
      expect(first.extensions?.cost.spentPenceToday).toBe(LINK_PENCE);
      vi.spyOn(h.runtime.ledger, "chargeSpend").mockRejectedValueOnce(
        new Error("Connection terminated unexpectedly"),
      );
      const billed = await post(h, ONE_LINK, dealer.key);
      expect(billed.status).toBe(200);
      expect(billed.errors).toBeUndefined();
      expect(billed.data).toMatchObject({ stockImage: { url: expect.any(String) } });
      expect(billed.extensions?.cost).toMatchObject({
        paidCalls: 1,
        spentPenceToday: 2 * LINK_PENCE,
      });
      expect(h.oneauto.control.count(ONEAUTO.imageLink.name)).toBe(2);
      expect(logger.logged()).toMatch(/could not settle/);
      expect(logger.logged()).not.toContain(dealer.key);
    });
  });
});
