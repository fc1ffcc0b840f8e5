import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { expectNoErrors, photoUrls, present } from "../support/operations.js";
import { deleteNamespace } from "../support/redis.js";
import { hostAndPort, startTcpProxy, type TcpProxy } from "../support/tcp-proxy.js";

/**
 * A submission that never left the gateway (CarCutter refusing connections, this gateway's own cap
 * of calls per second) was not processed and not billed: it is FAILED, the ledger says so, and it
 * is sent again without `force`. One that was sent and then timed out stays UNKNOWN. Calls are
 * counted at the emulator.
 */

const SUBMIT = CARCUTTER.submitImages.name;
const STATUS = CARCUTTER.imageStatuses.name;
const VEHICLE = "WBA5R1C50KAE81715";

const SubmitImages = graphql(`
  mutation NotSentSubmit($input: SubmitImagesInput!) {
    submitImages(input: $input) {
      __typename
      ... on SubmitImagesPayload {
        results { url outcome error { code message } }
      }
    }
  }
`);

let h: GatewayHarness | undefined;
let proxy: TcpProxy | undefined;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await h?.close();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await proxy?.close();
  h = undefined;
  proxy = undefined;
});

async function submit(gateway: GatewayHarness, urls: readonly string[]) {
  const result = await gateway.run(SubmitImages, {
    input: { vehicleId: VEHICLE, processing: { cutType: "COMPLETE" }, urls: [...urls] },
  });
  expectNoErrors(result);
  const answer = present(result.data).submitImages;
  if (answer.__typename !== "SubmitImagesPayload") {
    throw new Error(`expected SubmitImagesPayload, got ${answer.__typename}`);
  }
  return answer.results;
}

const statesOf = async (gateway: GatewayHarness, urls: readonly string[]) => {
  const entries = await gateway.runtime.ledger.get(urls);
  return urls.map((url) => entries.get(url)?.state);
};

describe("a submission that never reached CarCutter", () => {
  it("CarCutter refusing connections: FAILED, recorded FAILED, and sent again without force once it is back", async () => {
    h = await startGateway({
      // Repeated refusals must not open the circuit: each is tested as a refusal at the socket.
      env: { UPSTREAM_BREAKER_FAILURES: "1000" },
      upstreams: async (emulators) => {
        proxy = await startTcpProxy(hostAndPort(emulators.carcutter.server.url));
        return { carcutterUrl: `http://127.0.0.1:${proxy.port}` };
      },
    });
    const gateway = h;
    const port = present(proxy);
    await port.cut();
    gateway.carcutter.control.reset();
    const urls = photoUrls(61, "refused");

    const first = await submit(gateway, urls);
    expect(first.map((r) => r.outcome)).toEqual([...Array(60).fill("FAILED"), "NOT_SENT"]);
    expect(first[0]?.error?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(await statesOf(gateway, urls.slice(0, 60))).toEqual(Array(60).fill("FAILED"));
    expect(port.connections).toBe(0);
    expect(gateway.carcutter.control.counts()).toEqual({});

    // CarCutter is reachable again: sent at once, no force, no status check first.
    await port.restore();
    const again = await submit(gateway, urls.slice(0, 60));
    expect(again.map((r) => r.outcome)).toEqual(Array(60).fill("ACCEPTED"));
    expect(gateway.carcutter.control.count(SUBMIT)).toBe(1);
    expect(gateway.carcutter.control.count(STATUS)).toBe(0);
    expect(await statesOf(gateway, urls.slice(0, 60))).toEqual(Array(60).fill("ACCEPTED"));
  });

  it.skipIf(!process.env.REDIS_URL)(
    "refused by the gateway's cap of calls per second: FAILED, recorded FAILED, sent again without force",
    async () => {
      const redisUrl = process.env.REDIS_URL ?? "";
      const namespace = `not-sent-${randomUUID()}`;
      cleanups.push(() => deleteNamespace(redisUrl, namespace));
      h = await startGateway({
        gatewayEnv: {
          CARCUTTER_MAX_REQUESTS_PER_SECOND: "1",
          REDIS_URL: redisUrl,
          CACHE_NAMESPACE: namespace,
        },
      });
      const gateway = h;
      gateway.carcutter.control.reset();
      const outcomesOf = (results: readonly { outcome: string }[]) => results.map((r) => r.outcome);
      const first = photoUrls(2, "throttled-first");
      const second = photoUrls(2, "throttled-second");
      expect(outcomesOf(await submit(gateway, first))).toEqual(["ACCEPTED", "ACCEPTED"]);

      // The cap is counted in Redis for every instance: other instances have taken this window's
      // turns, and it lasts a minute, longer than any call waits for a turn. So the refusal does
      // not depend on how fast this machine runs.
      const redis = new Redis(redisUrl);
      cleanups.push(() => redis.quit());
      const window = `${namespace}:rl:1/1:upstream:carcutter`;
      await redis.set(window, "1000", "PX", 60_000);
      const refused = await submit(gateway, second);
      expect(outcomesOf(refused)).toEqual(["FAILED", "FAILED"]);
      expect(refused[0]?.error?.code).toBe("UPSTREAM_THROTTLED");
      expect(await statesOf(gateway, second)).toEqual(["FAILED", "FAILED"]);
      // Only the first reached CarCutter, and nothing asked for a status to settle a doubt.
      expect(gateway.carcutter.control.count(SUBMIT)).toBe(1);
      expect(gateway.carcutter.control.count(STATUS)).toBe(0);

      // A new window: a turn again, and the refused photos are sent without force.
      await redis.del(window);
      const again = await submit(gateway, second);
      expect(outcomesOf(again)).toEqual(["ACCEPTED", "ACCEPTED"]);
      expect(gateway.carcutter.control.count(SUBMIT)).toBe(2);
      expect(gateway.carcutter.control.count(STATUS)).toBe(0);
      expect(await statesOf(gateway, second)).toEqual(["ACCEPTED", "ACCEPTED"]);
    },
  );
});

describe("a submission sent and then timed out", () => {
  it("stays UNKNOWN (may have been billed) in the answer and the ledger, and is not sent again without force", async () => {
    h = await startGateway({
      env: { UPSTREAM_HEADERS_TIMEOUT_MS: "300", UPSTREAM_BREAKER_FAILURES: "1000" },
    });
    const gateway = h;
    gateway.carcutter.control.reset();
    // Held past the gateway's timeout: CarCutter got the request. Its status cannot be read
    // either, so nothing settles the doubt.
    gateway.carcutter.control.script({
      operation: SUBMIT,
      fault: { kind: "latency", ms: 5_000 },
      times: 1,
    });
    gateway.carcutter.control.script({
      operation: STATUS,
      fault: { kind: "status", status: 503 },
      times: 100,
    });
    const urls = photoUrls(2, "timed-out");
    const first = await submit(gateway, urls);
    expect(first.map((r) => r.outcome)).toEqual(["UNKNOWN", "UNKNOWN"]);
    expect(first[0]?.error?.code).toBe("UPSTREAM_TIMEOUT");
    expect(await statesOf(gateway, urls)).toEqual(["UNKNOWN", "UNKNOWN"]);
    expect(gateway.carcutter.control.count(SUBMIT)).toBe(1);

    const again = await submit(gateway, urls);
    expect(again.map((r) => r.outcome)).toEqual(["UNKNOWN", "UNKNOWN"]);
    expect(again[0]?.error?.code).toBe("SUBMISSION_UNSETTLED");
    expect(await statesOf(gateway, urls)).toEqual(["UNKNOWN", "UNKNOWN"]);
    expect(gateway.carcutter.control.count(SUBMIT)).toBe(1);
  });

  it("a connection reset after the request was written stays UNKNOWN and is not sent again without force", async () => {
    h = await startGateway({ env: { UPSTREAM_BREAKER_FAILURES: "1000" } });
    const gateway = h;
    gateway.carcutter.control.reset();
    // CarCutter read the whole request, then the connection dropped with no answer.
    gateway.carcutter.control.script({ operation: SUBMIT, fault: { kind: "reset" }, times: 1 });
    gateway.carcutter.control.script({
      operation: STATUS,
      fault: { kind: "status", status: 503 },
      times: 100,
    });
    const urls = photoUrls(2, "reset");
    const first = await submit(gateway, urls);
    expect(first.map((r) => r.outcome)).toEqual(["UNKNOWN", "UNKNOWN"]);
    expect(first[0]?.error?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(await statesOf(gateway, urls)).toEqual(["UNKNOWN", "UNKNOWN"]);
    expect(gateway.carcutter.control.count(SUBMIT)).toBe(1);

    const again = await submit(gateway, urls);
    expect(again.map((r) => r.outcome)).toEqual(["UNKNOWN", "UNKNOWN"]);
    expect(again[0]?.error?.code).toBe("SUBMISSION_UNSETTLED");
    expect(gateway.carcutter.control.count(SUBMIT)).toBe(1);
  });
});
