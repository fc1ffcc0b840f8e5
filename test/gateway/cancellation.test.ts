import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CancelSignal } from "../../src/upstreams/cancel.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

/**
 * A client that goes away cancels the upstream calls made for it (useExecutionCancellation),
 * seen at the emulator: the connection of the call in flight is closed long before its answer.
 */

const SlowStatus = graphql(`
  query CancellationSlowStatus($url: URL!) { image(url: $url) { status } }
`);

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway();
});
afterAll(() => h.close());

describe("cancellation", () => {
  it("aborting the request aborts the CarCutter call in flight", async () => {
    h.carcutter.control.script({
      operation: CARCUTTER.imageStatuses.name,
      fault: { kind: "latency", ms: 10_000 },
    });
    // The signal the request's view of the client carries to every call it makes.
    const signals: CancelSignal[] = [];
    const client = h.runtime.carcutter;
    const forRequest = client.forRequest.bind(client);
    const spy = vi.spyOn(client, "forRequest").mockImplementation((scope) => {
      if (scope.signal) signals.push(scope.signal);
      return forRequest(scope);
    });
    try {
      const controller = new AbortController();
      const pending = h.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: print(SlowStatus),
          variables: { url: "https://photos.example.com/cancel/1.jpg" },
        }),
        signal: controller.signal,
      });
      await expect.poll(() => h.carcutter.control.count(CARCUTTER.imageStatuses.name)).toBe(1);
      expect(signals).toHaveLength(1);
      expect(signals[0]?.aborted).toBe(false);
      expect(h.carcutter.control.aborted(CARCUTTER.imageStatuses.name)).toBe(0);
      controller.abort();
      await pending.catch(() => undefined);
      await expect.poll(() => signals[0]?.aborted).toBe(true);
      // The call itself was cut, not only the request: the emulator, holding its answer for
      // 10 s, saw the connection close well within that.
      await expect
        .poll(() => h.carcutter.control.aborted(CARCUTTER.imageStatuses.name), { timeout: 3000 })
        .toBe(1);
      expect(h.carcutter.control.count(CARCUTTER.imageStatuses.name)).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });
});
