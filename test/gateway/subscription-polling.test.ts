import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { expectNoErrors, photoUrls, present } from "../support/operations.js";
import { SseStream } from "../support/subscriptions.js";

/**
 * Without a URL CarCutter could reach (no PUBLIC_URL), no webhook is asked for: the poller alone
 * keeps a subscription's photos fresh, batched, until every one is terminal.
 */

const Submit = graphql(`
  mutation PollingSubmit($input: SubmitImagesInput!) {
    submitImages(input: $input) { __typename ... on SubmitImagesPayload { accepted } }
  }
`);

const Watch = graphql(`
  subscription PollingWatch($urls: [URL!]) {
    imageUpdated(urls: $urls) { url status }
  }
`);

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway({
    env: {
      // Slow enough that the subscription's first read finds the photos still processing.
      CARCUTTER_EMULATOR_STEP_MS: "150",
      POLL_INTERVAL_MS: "40",
      POLL_MAX_CALLS_PER_MINUTE: "6000",
    },
  });
});
afterAll(() => h.close());

describe("imageUpdated with webhooks silent", () => {
  it("is driven to FINAL by the poller, with no webhook asked for", async () => {
    const vehicleId = "TMBJJ7NE5L0123456";
    const urls = photoUrls(3, `polled-${Date.now()}`);
    const submitted = await h.run(Submit, {
      input: { vehicleId, urls, processing: { cutType: "NONE" } },
    });
    expectNoErrors(submitted);
    expect(present(submitted.data).submitImages).toMatchObject({ accepted: 3 });
    expect(h.carcutter.submissions().at(-1)?.fields.webhook_url).toBeUndefined();

    // Every status read from here on: the subscription's first, then the poller's.
    const json = vi.spyOn(h.runtime.carcutter.http, "json");
    const statusReads = () =>
      json.mock.calls
        .map(([call]) => call)
        .filter((call) => call.operation.name === CARCUTTER.imageStatuses.name);
    const before = h.carcutter.control.count(CARCUTTER.imageStatuses.name);
    const stream = new SseStream(
      h.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ query: print(Watch), variables: { urls } }),
      }),
    );
    const last = new Map<string, string>();
    for (;;) {
      const event = await stream.next(10_000);
      if (!event || event.event === "complete") break;
      const image = (event.data as { data: { imageUpdated: { url: string; status: string } } }).data
        .imageUpdated;
      last.set(image.url, image.status);
    }
    expect([...last.keys()].sort()).toEqual([...urls].sort());
    expect([...last.values()]).toEqual(["FINAL", "FINAL", "FINAL"]);
    expect(h.carcutter.webhookDeliveries()).toEqual([]);
    // The first read, then at least one poll (how many depends on this machine's load), each one
    // batched call for the three photos: every call the emulator got carried all three.
    const reads = statusReads();
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(h.carcutter.control.count(CARCUTTER.imageStatuses.name)).toBe(before + reads.length);
    for (const read of reads) {
      const asked = (read.query ?? []).filter(([name]) => name === "image_url").map(([, u]) => u);
      expect(asked.sort()).toEqual([...urls].sort());
    }
    json.mockRestore();
  });
});

const CostlyWatch = graphql(`
  subscription PollingCostlyWatch($urls: [URL!]) {
    imageUpdated(urls: $urls) { url vehicle { stockPhotos { url } } }
  }
`);

describe("the cost guard on subscriptions", () => {
  it("refuses a subscription whose every event could spend more than the budget, before any call", async () => {
    const small = await startGateway({ env: { COST_MAX_PAID_CALLS_PER_OPERATION: "6" } });
    try {
      const stream = new SseStream(
        small.fetch("/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "text/event-stream" },
          body: JSON.stringify({
            query: print(CostlyWatch),
            variables: { urls: ["https://photos.example.com/costly/1.jpg"] },
          }),
        }),
      );
      const first = await stream.next();
      expect(JSON.stringify(first?.data)).toContain("COST_LIMIT_EXCEEDED");
      expect(small.carcutter.control.counts()).toEqual({});
      expect(small.oneauto.control.counts()).toEqual({});
    } finally {
      await small.close();
    }
  });
});
