import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { STEP_MS } from "../support/emulators.js";
import {
  eventually,
  type SubscriptionHarness,
  startSubscriptionHarness,
  status,
  submit,
} from "../support/subscriptions.js";

const VIN = "WAUZZZ8K9BA123456";
const OK = "https://cdn.dealer.example/wauzzz/front-left.jpg";
const BROKEN = "https://cdn.dealer.example/wauzzz/rear.jpg?emulate=error";
const ELSEWHERE = "https://cdn.dealer.example/other/side-left.jpg";

const IMAGE_UPDATED = `
  subscription Watch($vehicleId: String, $urls: [URL!]) {
    imageUpdated(vehicleId: $vehicleId, urls: $urls) {
      url status phase quality resultAvailable submittedAt vehicle { vehicleId }
    }
  }
`;
const BRIEF = `
  subscription Watch($vehicleId: String, $urls: [URL!]) {
    imageUpdated(vehicleId: $vehicleId, urls: $urls) { url status phase }
  }
`;

interface Update {
  imageUpdated: { url: string; status: string; phase: string | null };
}

let h: SubscriptionHarness;
beforeEach(async () => {
  h = await startSubscriptionHarness();
});
afterEach(async () => {
  await h.close();
});

const brief = (items: unknown[]) =>
  items.map((item) => {
    const { url, status, phase } = (item as { data: Update }).data.imageUpdated;
    return `${url === OK ? "OK" : url === BROKEN ? "BROKEN" : "ELSEWHERE"} ${status}/${phase}`;
  });

/** Submits through the gateway's mutation (as a page would) and returns each photo's outcome. */
async function submitThroughGateway(vehicleId: string, urls: string[]): Promise<string[]> {
  const response = await h.yoga.fetch("http://gateway.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation ($vehicleId: String!, $urls: [URL!]!) {
        submitImages(input: { vehicleId: $vehicleId, urls: $urls, processing: { cutType: NORMAL } }) {
          ... on SubmitImagesPayload { results { outcome } }
        }
      }`,
      variables: { vehicleId, urls },
    }),
  });
  const body = (await response.json()) as {
    data?: { submitImages: { results: { outcome: string }[] } };
    errors?: unknown;
  };
  if (!body.data) throw new Error(`submitImages failed: ${JSON.stringify(body.errors)}`);
  return body.data.submitImages.results.map((r) => r.outcome);
}

/** Moves CarCutter's clock and lets the poller read the new states. */
async function advance(steps: number) {
  h.cc.clock.advance(steps * STEP_MS);
  await h.poller.pollOnce();
}

describe("Subscription.imageUpdated over SSE", () => {
  it("sends the current statuses first, then each change, and ends when every photo is terminal", async () => {
    await submit(h.client, h.ledger, VIN, [OK, BROKEN]);
    const stream = h.subscribe(IMAGE_UPDATED, { urls: [OK, BROKEN] });
    expect(await stream.status()).toBe(200);

    const initial = await stream.nexts(2);
    expect(brief(initial)).toEqual(["OK PROCESSING/DOWNLOADING", "BROKEN PROCESSING/DOWNLOADING"]);
    // The ledger supplies what CarCutter's status does not say.
    expect((initial[0] as { data: { imageUpdated: unknown } }).data.imageUpdated).toMatchObject({
      quality: null,
      resultAvailable: false,
      submittedAt: expect.any(String),
    });
    await eventually(() => h.poller.watchedCount === 2);

    await advance(1);
    expect(brief(await stream.nexts(2))).toEqual([
      "OK PROCESSING/ANALYZING",
      "BROKEN PROCESSING/ANALYZING",
    ]);
    await advance(1);
    expect(brief(await stream.nexts(2))).toEqual([
      "OK PROCESSING/CUTTING",
      "BROKEN ERROR/ANALYZING",
    ]);
    await advance(3);
    expect(brief(await stream.nexts(1))).toEqual(["OK RAW/READY"]);
    await advance(1);
    const last = await stream.nexts(1);
    expect(brief(last)).toEqual(["OK FINAL/READY"]);
    expect((last[0] as { data: { imageUpdated: unknown } }).data.imageUpdated).toMatchObject({
      quality: "OK",
      resultAvailable: true,
    });

    expect(await stream.next()).toMatchObject({ event: "complete" });
    expect(await stream.next()).toBeUndefined();
    // Cleaned up: nothing left watched or listening.
    expect(h.poller.watchedCount).toBe(0);
    expect(h.events.subscriptionCount).toBe(0);
  });

  it("watches the given URLs and the vehicle's photos together", async () => {
    await submit(h.client, h.ledger, VIN, [OK]);
    await submit(h.client, h.ledger, "ANOTHER-VEHICLE", [ELSEWHERE]);
    const stream = h.subscribe(BRIEF, { vehicleId: VIN, urls: [ELSEWHERE] });
    expect(brief(await stream.nexts(2)).sort()).toEqual([
      "ELSEWHERE PROCESSING/DOWNLOADING",
      "OK PROCESSING/DOWNLOADING",
    ]);
    await stream.cancel();
  });

  it("takes changes from any publisher (webhooks), sending identical consecutive states once", async () => {
    await submit(h.client, h.ledger, VIN, [OK]);
    const stream = h.subscribe(BRIEF, { urls: [OK] });
    expect(brief(await stream.nexts(1))).toEqual(["OK PROCESSING/DOWNLOADING"]);
    await eventually(() => h.events.subscriptionCount === 1);
    // The same state again (a webhook repeating what was read), then a change, twice.
    await h.events.publish(status(OK, { phase: "downloading" }));
    await h.events.publish(status(OK, { phase: "analyzing" }));
    expect(brief(await stream.nexts(1))).toEqual(["OK PROCESSING/ANALYZING"]);
    await h.events.publish(status(OK, { phase: "analyzing" }));
    await h.events.publish(status(OK, { status: "expired", phase: "ready", quality: "ok" }));
    expect(brief(await stream.nexts(1))).toEqual(["OK EXPIRED/READY"]);
    expect(await stream.next()).toMatchObject({ event: "complete" });
  });

  it("photos already terminal: their statuses, then the end, without polling", async () => {
    await submit(h.client, h.ledger, VIN, [OK, BROKEN]);
    h.cc.clock.advance(10 * STEP_MS);
    const calls = h.cc.count(CARCUTTER.imageStatuses.name);
    const stream = h.subscribe(BRIEF, { urls: [OK, BROKEN] });
    expect(brief(await stream.nexts(2))).toEqual(["OK FINAL/READY", "BROKEN ERROR/ANALYZING"]);
    expect(await stream.next()).toMatchObject({ event: "complete" });
    // One status call for both, and nothing watched.
    expect(h.cc.count(CARCUTTER.imageStatuses.name)).toBe(calls + 1);
    expect(h.poller.watchedCount).toBe(0);
    expect(h.events.subscriptionCount).toBe(0);
  });

  it("a client that goes away stops the watching and the listening", async () => {
    await submit(h.client, h.ledger, VIN, [OK]);
    const controller = new AbortController();
    const stream = h.subscribe(BRIEF, { vehicleId: VIN }, controller.signal);
    await stream.nexts(1);
    await eventually(() => h.poller.watchedCount === 1 && h.events.subscriptionCount === 1);
    controller.abort();
    await eventually(() => h.poller.watchedCount === 0 && h.events.subscriptionCount === 0);
  });

  it("a vehicle's stream follows the photos submitted after it started, and stays open", async () => {
    const stream = h.subscribe(BRIEF, { vehicleId: VIN });
    expect(await stream.status()).toBe(200);
    await eventually(() => h.events.subscriptionCount === 1);
    const calls = h.cc.count(CARCUTTER.submitImages.name);
    expect(await submitThroughGateway(VIN, [OK])).toEqual(["ACCEPTED"]);
    expect(h.cc.count(CARCUTTER.submitImages.name)).toBe(calls + 1);
    // Its status as CarCutter answered the submission, then every change.
    expect(brief(await stream.nexts(1))).toEqual(["OK PROCESSING/DOWNLOADING"]);
    await eventually(() => h.poller.watchedCount === 1);
    await advance(1);
    expect(brief(await stream.nexts(1))).toEqual(["OK PROCESSING/ANALYZING"]);
    // Another photo for the same vehicle joins; another vehicle's does not.
    await submitThroughGateway("ANOTHER-VEHICLE", [ELSEWHERE]);
    await submitThroughGateway(VIN, [BROKEN]);
    expect(brief(await stream.nexts(1))).toEqual(["BROKEN PROCESSING/DOWNLOADING"]);
    await advance(4);
    expect(brief(await stream.nexts(2)).sort()).toEqual(["BROKEN ERROR/ANALYZING", "OK RAW/READY"]);
    await advance(1);
    expect(brief(await stream.nexts(1))).toEqual(["OK FINAL/READY"]);
    // Every photo is terminal, yet the stream stays open for the next submission.
    await expect(stream.next(300)).rejects.toThrow(/no event/);
    expect(h.events.subscriptionCount).toBe(1);
    expect(h.poller.dueCount).toBe(0);
    await stream.cancel();
    await eventually(() => h.events.subscriptionCount === 0 && h.poller.watchedCount === 0);
  });

  it("a stale report never moves a photo backwards; a new submission starts it afresh", async () => {
    await submit(h.client, h.ledger, VIN, [OK]);
    const stream = h.subscribe(BRIEF, { vehicleId: VIN });
    expect(brief(await stream.nexts(1))).toEqual(["OK PROCESSING/DOWNLOADING"]);
    await eventually(() => h.events.subscriptionCount === 1);
    await h.events.publish(status(OK, { phase: "cutting" }));
    expect(brief(await stream.nexts(1))).toEqual(["OK PROCESSING/CUTTING"]);
    // Late webhooks of earlier states: dropped.
    await h.events.publish(status(OK, { phase: "analyzing" }));
    await h.events.publish(status(OK, { status: "unknown", phase: null }));
    await h.events.publish(status(OK, { status: "final", phase: "ready", quality: "ok" }));
    expect(brief(await stream.nexts(1))).toEqual(["OK FINAL/READY"]);
    await h.events.publish(status(OK, { status: "raw", phase: "ready" }));
    await h.events.publish(status(OK, { phase: "retouching" }));
    // Resubmitted (force): processing again is news, not a stale report.
    await h.events.announceSubmission(status(OK), {
      vehicleId: VIN,
      submittedAt: new Date().toISOString(),
    });
    expect(brief(await stream.nexts(1))).toEqual(["OK PROCESSING/DOWNLOADING"]);
    await stream.cancel();
  });

  it("a URL-scoped stream ends when its photos are terminal, whatever else is submitted", async () => {
    await submit(h.client, h.ledger, VIN, [OK]);
    h.cc.clock.advance(10 * STEP_MS);
    const stream = h.subscribe(BRIEF, { urls: [OK] });
    expect(brief(await stream.nexts(1))).toEqual(["OK FINAL/READY"]);
    expect(await stream.next()).toMatchObject({ event: "complete" });
  });

  it.each([
    ["neither argument", {}],
    ["an empty URL list", { urls: [] }],
    ["null for both", { vehicleId: null, urls: null }],
  ])("%s is refused as invalid input naming both arguments", async (_, variables) => {
    const stream = h.subscribe(BRIEF, variables);
    const event = await stream.next();
    expect(event?.event).toBe("next");
    const body = event?.data as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toMatch(/vehicleId.*urls/);
    expect(h.poller.watchedCount).toBe(0);
    expect(h.events.subscriptionCount).toBe(0);
  });

  it("CarCutter unavailable at the start: an error, and nothing left watched or listening", async () => {
    await submit(h.client, h.ledger, VIN, [OK]);
    for (let i = 0; i < 3; i++) {
      h.cc.emulator.control.script({
        operation: CARCUTTER.imageStatuses.name,
        fault: { kind: "status", status: 503 },
      });
    }
    const stream = h.subscribe(BRIEF, { vehicleId: VIN });
    const event = await stream.next();
    const body = event?.data as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(h.poller.watchedCount).toBe(0);
    expect(h.events.subscriptionCount).toBe(0);
  });
});
