import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

/**
 * The estimates are kept by document and the variables' shape, which holds every variable sent,
 * declared or not. They were kept 64 per document whatever their size: 60 requests of one
 * document, each with a different half megabyte of undeclared variables, held some 30 MB. The cache is
 * bounded in bytes now.
 */

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

describe("the estimates cache", () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  it("60 requests, each with a different half megabyte of variables, leave the heap within 10 MB", async () => {
    /** Variables of about 0.5 MiB, flat, distinct for `n`: 30,000 keys of some 16 bytes each. */
    const variablesOf = (n: number) =>
      `{"junk":{${Array.from({ length: 30_000 }, (_, i) => `"k${n}-${String(i).padStart(6, "0")}":1`).join(",")}}}`;
    const send = async (n: number) => {
      const response = await h.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: `{"query":"query Junk { __typename }","variables":${variablesOf(n)}}`,
      });
      expect(await response.json()).toMatchObject({ data: { __typename: "Query" } });
    };
    await send(0);
    const before = heapMb();
    for (let n = 1; n <= 60; n++) await send(n);
    const after = heapMb();
    console.info(`estimates: heap ${before.toFixed(1)} MB before, ${after.toFixed(1)} MB after`);
    expect(after - before).toBeLessThan(10);
  }, 60_000);
});
