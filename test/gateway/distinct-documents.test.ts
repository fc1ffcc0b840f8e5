import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentNumber } from "../../bench/documents.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

/**
 * A client that writes its values into the query text sends a new document with every request.
 * What the gateway keeps per document (the document cache, src/gateway/document-cache.ts, and the
 * estimates by document) must stay bounded, or such a client exhausts its memory. Thousands of distinct texts
 * in, and the heap after them is what it was after the first caches filled.
 */

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Past the caches' 1,024 entries, so every one of them is full before the first reading. */
const WARM = 2_500;
const MORE = 5_000;

describe("memory under distinct query texts", () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  const send = async (from: number, count: number) => {
    for (let n = from; n < from + count; n++) {
      const answer = await h.execute(documentNumber(n), {});
      if (answer.status !== 200 || answer.data?.__typename !== "Query") {
        throw new Error(`document ${n}: ${answer.status} ${JSON.stringify(answer.errors)}`);
      }
    }
  };
  const heapMb = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };

  it(`${MORE.toLocaleString("en-US")} more distinct documents leave the heap where ${WARM.toLocaleString("en-US")} left it`, async () => {
    await send(0, WARM);
    const before = heapMb();
    await send(WARM, MORE);
    const after = heapMb();
    // Kept per document, these texts would hold some 20 KB each: 100 MB for 5,000.
    expect(after - before).toBeLessThan(12);
    expect(h.carcutter.control.counts()).toEqual({});
  }, 120_000);
});
