import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { carCutterDialect, createCarCutterClient } from "../../src/upstreams/carcutter/client.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import {
  parseRetryAfter,
  type UpstreamCallEvent,
  UpstreamHttp,
  type UpstreamHttpOptions,
} from "../../src/upstreams/http.js";
import { InFlight } from "../../src/upstreams/in-flight.js";
import { createOneAutoClient, oneAutoDialect } from "../../src/upstreams/oneauto/client.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { defineOperations } from "../../src/upstreams/operation.js";
import { API_KEY, TOKEN } from "../support/credentials.js";
import {
  expectUpstreamError,
  FAKE_NOTHING,
  FAST,
  type FakeHandler,
  type FakeUpstream,
  startFakeUpstream,
} from "../support/upstream-clients.js";

/**
 * UpstreamHttp against a scripted node:http server, for what the emulators never do: HTML error
 * pages, nested envelopes, 202, redirects, wrong content types, stalled bodies, dated Retry-After.
 */

let fake: FakeUpstream | undefined;
const opened: UpstreamHttp[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((http) => http.close()));
  await fake?.close();
  fake = undefined;
});

async function serve(handler: FakeHandler): Promise<FakeUpstream> {
  fake = await startFakeUpstream(handler);
  return fake;
}

function http(
  overrides: Partial<UpstreamHttpOptions> = {},
  upstream: UpstreamHttpOptions["upstream"] = "carcutter",
): UpstreamHttp {
  const instance = new UpstreamHttp({
    ...FAST,
    upstream,
    baseUrl: fake?.url ?? FAKE_NOTHING,
    headers:
      upstream === "carcutter" ? { authorization: `Bearer ${TOKEN}` } : { "x-api-key": API_KEY },
    dialect: upstream === "carcutter" ? carCutterDialect : oneAutoDialect,
    random: () => 0.5,
    ...overrides,
  });
  opened.push(instance);
  return instance;
}

const json = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

const okSchema = z.object({ ok: z.literal(true) });
/** Operations of a made-up upstream: the request path serves any. */
const TEST = defineOperations("carcutter", {
  thing: ["GET /thing"],
  status: [CARCUTTER.imageStatuses.name],
  list: ["POST /list", { idempotent: true }],
});
const getOk = (client: UpstreamHttp) => client.json({ operation: TEST.thing, schema: okSchema });

describe("requests", () => {
  it("sends auth, accept, repeated query parameters in order, and keeps a base path", async () => {
    const server = await serve((_req, res) => json(res, 200, { ok: true }));
    const client = http({ baseUrl: `${server.url}/api/v2/` });
    await client.json({
      operation: TEST.status,
      query: [
        ["image_url", "https://x.example/b.jpg?size=1&q=2"],
        ["image_url", "https://x.example/a.jpg"],
        ["other", "ü & ="],
      ],
      schema: okSchema,
    });
    const [request] = server.requests;
    const url = new URL(request?.url ?? "", server.url);
    expect(url.pathname).toBe("/api/v2/vehicle/image/status");
    expect(url.searchParams.getAll("image_url")).toEqual([
      "https://x.example/b.jpg?size=1&q=2",
      "https://x.example/a.jpg",
    ]);
    expect(url.searchParams.get("other")).toBe("ü & =");
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers.accept).toBe("application/json");
  });

  it("sends a JSON body with its content type", async () => {
    let received = "";
    const server = await serve((req, res, body) => {
      received = `${req.headers["content-type"]} ${body}`;
      json(res, 200, { ok: true });
    });
    await http({ baseUrl: server.url }).json({
      operation: TEST.list,
      jsonBody: { customer: "c", limit: 2 },
      schema: okSchema,
    });
    expect(received).toBe('application/json {"customer":"c","limit":2}');
  });

  it("reuses keep-alive connections instead of opening one per call", async () => {
    const ports = new Set<number | undefined>();
    const server = await serve((req, res) => {
      ports.add(req.socket.remotePort);
      json(res, 200, { ok: true });
    });
    const client = http({ baseUrl: server.url });
    for (let i = 0; i < 10; i++) await getOk(client);
    // undici may open a second connection while the first is still finishing its last response.
    expect(ports.size).toBeLessThanOrEqual(2);
  });

  it("reports one event per attempt with status, error code and duration", async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      if (calls === 1) json(res, 502, { code: 502, message: "bad gateway" });
      else json(res, 200, { ok: true });
    });
    const events: UpstreamCallEvent[] = [];
    await getOk(http({ baseUrl: server.url, onCall: (e) => events.push(e) }));
    expect(events).toEqual([
      {
        upstream: "carcutter",
        operation: "GET /thing",
        attempt: 1,
        status: 502,
        errorCode: "UPSTREAM_UNAVAILABLE",
        durationMs: expect.any(Number),
      },
      {
        upstream: "carcutter",
        operation: "GET /thing",
        attempt: 2,
        status: 200,
        durationMs: expect.any(Number),
      },
    ]);
  });

  it("is not disturbed by an event listener that throws", async () => {
    const server = await serve((_req, res) => json(res, 200, { ok: true }));
    const client = http({
      baseUrl: server.url,
      onCall: () => {
        throw new Error("metrics broke");
      },
    });
    expect(await getOk(client)).toEqual({ ok: true });
  });
});

describe("shared reads", () => {
  it("identical reads in flight share one call and one frozen answer: no request can change another's", async () => {
    const nested = z.object({
      vehicle: z.object({ tags: z.array(z.object({ name: z.string() })) }),
    });
    const server = await serve((_req, res) =>
      setTimeout(() => json(res, 200, { vehicle: { tags: [{ name: "a" }] } }), 30),
    );
    const client = http({ baseUrl: server.url, inFlight: new InFlight() });
    const read = () => client.json({ operation: TEST.thing, schema: nested });
    const [first, second] = await Promise.all([read(), read()]);
    expect(server.requests).toHaveLength(1);
    expect(second).toBe(first);
    if (!first) throw new Error("the read answered null");
    const tags = first.vehicle.tags;
    expect(Object.isFrozen(tags[0])).toBe(true);
    expect(() => {
      (tags as { name: string }[]).push({ name: "b" });
    }).toThrow(/not extensible/);
    expect(second?.vehicle.tags).toEqual([{ name: "a" }]);
  });
});

describe("error bodies, parsed defensively", () => {
  it("reads an HTML 401 page as UPSTREAM_UNAUTHORIZED, the page kept for the log only", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(401, { "content-type": "text/html" });
      res.end(
        "<html><head><title>401 Authorization Required</title></head><body><h1>No</h1></body></html>",
      );
    });
    const error = await expectUpstreamError(
      createCarCutterClient({
        ...FAST,
        baseUrl: server.url,
        token: TOKEN,
        customer: "c",
      }).shotlist(),
      {
        code: "UPSTREAM_UNAUTHORIZED",
        upstream: "carcutter",
        operation: CARCUTTER.shotlist.name,
        status: 401,
      },
    );
    expect(error.upstreamDetail).toBe("HTML page: 401 Authorization Required");
    expect(error.message).not.toContain("<");
  });

  it("reads CarCutter's nested {error:{code,message}} envelope", async () => {
    const server = await serve((_req, res) =>
      json(res, 400, { error: { code: 400, message: "vehicle_id is required" } }),
    );
    const error = await expectUpstreamError(getOk(http({ baseUrl: server.url })), {
      code: "UPSTREAM_BAD_REQUEST",
      upstream: "carcutter",
      operation: "GET /thing",
      status: 400,
    });
    expect(error.upstreamDetail).toBe("vehicle_id is required");
  });

  it("survives garbage, empty and huge error bodies", async () => {
    const bodies = ["{not json", "", "x".repeat(200_000)];
    let i = 0;
    const server = await serve((_req, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(bodies[i++]);
    });
    const client = http({ baseUrl: server.url });
    for (const expected of ["{not json", "(empty body)", `${"x".repeat(500)}…`]) {
      const error = await expectUpstreamError(getOk(client), {
        code: "UPSTREAM_BAD_REQUEST",
        upstream: "carcutter",
        operation: "GET /thing",
        status: 400,
      });
      expect(error.upstreamDetail).toBe(expected);
    }
  });

  it("redacts the credentials if an upstream echoes them", async () => {
    const server = await serve((req, res) =>
      json(res, 403, { code: 403, message: `token ${req.headers.authorization} is not allowed` }),
    );
    const error = await expectUpstreamError(getOk(http({ baseUrl: server.url })), {
      code: "UPSTREAM_FORBIDDEN",
      upstream: "carcutter",
      operation: "GET /thing",
      status: 403,
    });
    expect(error.upstreamDetail).toBe("token [redacted] is not allowed");
  });

  it.each([
    [402, "UPSTREAM_CREDITS_EXCEEDED"],
    [405, "UPSTREAM_BAD_REQUEST"],
    [409, "UPSTREAM_BAD_REQUEST"],
    [410, "UPSTREAM_GONE"],
    [413, "UPSTREAM_PAYLOAD_TOO_LARGE"],
    [501, "UPSTREAM_UNAVAILABLE"],
  ] as const)("maps HTTP %i to %s", async (status, code) => {
    const server = await serve((_req, res) => json(res, status, { code: status, message: "no" }));
    await expectUpstreamError(getOk(http({ baseUrl: server.url })), {
      code,
      upstream: "carcutter",
      operation: "GET /thing",
      status,
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe("contract problems", () => {
  it("refuses a 200 with an HTML body as UPSTREAM_CONTRACT", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<html>maintenance</html>");
    });
    const error = await expectUpstreamError(getOk(http({ baseUrl: server.url })), {
      code: "UPSTREAM_CONTRACT",
      upstream: "carcutter",
      operation: "GET /thing",
      status: 200,
    });
    expect(error.message).toContain("unexpected content type text/html");
    expect(error.message).not.toContain("maintenance");
  });

  it("refuses a body that fails the DTO, naming the first issue's path for the log", async () => {
    const server = await serve((_req, res) => json(res, 200, { data: { images: [{ image: 1 }] } }));
    const client = createCarCutterClient({
      ...FAST,
      baseUrl: server.url,
      token: TOKEN,
      customer: "c",
    });
    const error = await expectUpstreamError(client.imageStatuses(["https://x.example/a.jpg"]), {
      code: "UPSTREAM_CONTRACT",
      upstream: "carcutter",
      operation: CARCUTTER.imageStatuses.name,
      status: 200,
    });
    expect(error.message).toContain("does not match the expected shape");
    expect(error.upstreamDetail).toMatch(/^data\.images\.0\.image: /);
    await client.http.close();
  });

  it("refuses OneAuto's {success:false} sent with 200, and takes 202 as not finished", async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      if (calls === 1) json(res, 200, { success: false, error: "Quota check failed" });
      else json(res, 202, { success: true, result: null });
    });
    const client = createOneAutoClient({ ...FAST, baseUrl: server.url, apiKey: API_KEY });
    const contract = await expectUpstreamError(client.searchByVin("WBA5R1C50KAE81715"), {
      code: "UPSTREAM_CONTRACT",
      upstream: "oneauto",
      operation: ONEAUTO.searchByVin.name,
      status: 200,
    });
    expect(contract.upstreamDetail).toContain("Quota check failed");
    await expectUpstreamError(client.searchByVin("WBA5R1C50KAE81715"), {
      code: "UPSTREAM_UNAVAILABLE",
      upstream: "oneauto",
      operation: ONEAUTO.searchByVin.name,
      status: 202,
    });
    expect(calls).toBe(2);
    expect(server.requests[0]?.headers["x-api-key"]).toBe(API_KEY);
    await client.http.close();
  });

  it("refuses a redirect and an unexpected 204 as UPSTREAM_CONTRACT", async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      res.writeHead(calls === 1 ? 302 : 204, calls === 1 ? { location: "/elsewhere" } : {});
      res.end();
    });
    const client = http({ baseUrl: server.url });
    for (const status of [302, 204]) {
      await expectUpstreamError(getOk(client), {
        code: "UPSTREAM_CONTRACT",
        upstream: "carcutter",
        operation: "GET /thing",
        status,
      });
    }
  });

  it("refuses a body over the cap, declared or streamed, without reading it all", async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(200, { "content-type": "application/json", "content-length": "5000000" });
        res.write('{"ok":');
        return; // never finishes: the client must not wait for it
      }
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = `"${"x".repeat(1000)}",`;
      res.write('{"padding":[');
      for (let i = 0; i < 100; i++) res.write(chunk);
      res.end('""],"ok":true}');
    });
    const client = http({ baseUrl: server.url, maxResponseBytes: 10_000 });
    for (let i = 0; i < 2; i++) {
      const error = await expectUpstreamError(getOk(client), {
        code: "UPSTREAM_CONTRACT",
        upstream: "carcutter",
        operation: "GET /thing",
        status: 200,
      });
      expect(error.message).toContain("body larger than 10000 bytes");
    }
  });
});

describe("timeouts and Retry-After", () => {
  it("times out a body that stalls, and retries a read", async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      res.writeHead(200, { "content-type": "application/json" });
      if (calls === 1) res.write('{"ok":');
      else res.end('{"ok":true}');
    });
    expect(await getOk(http({ baseUrl: server.url, bodyTimeoutMs: 100 }))).toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it("honours Retry-After given as an HTTP date when it fits the deadline", async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      if (calls === 1) {
        json(
          res,
          503,
          { code: 503, message: "busy" },
          {
            "retry-after": new Date(Date.now() + 1000).toUTCString(),
          },
        );
      } else json(res, 200, { ok: true });
    });
    expect(await getOk(http({ baseUrl: server.url }))).toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it("fails fast on a dated Retry-After beyond the deadline, with the seconds to wait", async () => {
    const server = await serve((_req, res) =>
      json(
        res,
        429,
        { code: 429, message: "slow down" },
        {
          "retry-after": new Date(Date.now() + 120_000).toUTCString(),
        },
      ),
    );
    const started = performance.now();
    const error = await expectUpstreamError(getOk(http({ baseUrl: server.url })), {
      code: "UPSTREAM_RATE_LIMITED",
      upstream: "carcutter",
      operation: "GET /thing",
      status: 429,
    });
    expect(performance.now() - started).toBeLessThan(500);
    expect(error.extensions.retryAfterSeconds).toBeGreaterThan(115);
    expect(error.extensions.retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it("reads Retry-After as seconds or an HTTP date, and ignores anything else", () => {
    const now = Date.parse("2026-01-15T09:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Thu, 15 Jan 2026 09:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Thu, 15 Jan 2026 08:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe("options", () => {
  it("refuses nonsense settings at construction, all problems at once", () => {
    expect(
      () =>
        new UpstreamHttp({
          ...FAST,
          upstream: "oneauto",
          baseUrl: "ftp://user:pw@example.com/?key=x",
          headers: {},
          dialect: oneAutoDialect,
          headersTimeoutMs: 0,
          maxRetries: -1,
          breaker: { consecutiveFailures: 0, halfOpenAfterMs: 100 },
        }),
    ).toThrow(
      /headersTimeoutMs must be > 0.*maxRetries.*consecutiveFailures.*baseUrl must be http\(s\)/,
    );
  });

  it("starts closed and closes its pool once, however often asked", async () => {
    const client = http({ baseUrl: FAKE_NOTHING });
    expect(client.circuitState()).toBe("closed");
    await Promise.all([client.close(), client.close()]);
    await client.close();
  });
});
