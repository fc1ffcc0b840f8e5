import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImageEventBus } from "../../src/events/create-image-events.js";
import { GATEWAY_ORIGIN, type GatewayHarness, startGateway } from "../support/gateway.js";

/**
 * GraphiQL sends a subscription as a GET with `accept: text/event-stream` and no header of ours
 * (the CSRF headers), so CSRF prevention lets through what the browser marks as sent by a page
 * of this origin, and still refuses what a page of another site could send without a preflight.
 */

const FINAL_PHOTO = "https://images.forecourt-demo.example/WBA5R1C50KAE81715/front-left.jpg";
const SUBSCRIPTION = `subscription { imageUpdated(urls: ["${FINAL_PHOTO}"]) { status } }`;
const PATH = `/graphql?query=${encodeURIComponent(SUBSCRIPTION)}`;

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway();
});
afterAll(() => h.close());

function subscribe(headers: Record<string, string>): Promise<Response> {
  return h.fetch(PATH, { headers: { accept: "text/event-stream", ...headers } });
}

describe("CSRF prevention and pages of this origin", () => {
  it.each([
    [
      "Sec-Fetch-Site: same-origin (what Chromium, Firefox and Safari send)",
      { "sec-fetch-site": "same-origin" },
    ],
    [
      "an Origin equal to the gateway's own (a browser without Sec-Fetch-Site)",
      { origin: GATEWAY_ORIGIN },
    ],
  ])(
    "a GET event stream from a page of this origin streams, without a CSRF header: %s",
    async (_, headers) => {
      const res = await subscribe(headers);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
      expect(await res.text()).toMatch(/"status":"FINAL"/);
    },
  );

  it.each([
    ["an Origin of another site", { origin: "https://evil.example" }],
    [
      "Sec-Fetch-Site: cross-site",
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    ],
    [
      "Sec-Fetch-Site: same-site (a sibling subdomain)",
      { "sec-fetch-site": "same-site", origin: "http://shop.gateway.test" },
    ],
    [
      "Sec-Fetch-Site: cross-site, whatever the Origin says",
      { "sec-fetch-site": "cross-site", origin: GATEWAY_ORIGIN },
    ],
    ["Sec-Fetch-Site: none (typed into the address bar)", { "sec-fetch-site": "none" }],
    ["neither header (no browser vouches for it)", {}],
  ])(
    "a GET event stream is refused 403 CSRF_PREVENTED and subscribes to nothing: %s",
    async (_, headers) => {
      const events = h.runtime.events as ImageEventBus;
      const before = events.subscriptionCount;
      const res = await subscribe(headers);
      expect(res.status).toBe(403);
      // Answered in the stream's own format (an SSE event), as the client asked.
      expect(await res.text()).toMatch(
        /^data: \{"errors":\[\{.*"extensions":\{"code":"CSRF_PREVENTED"\}/m,
      );
      expect(events.subscriptionCount).toBe(before);
    },
  );

  it("a cross-site form post is still refused, and reaches no upstream", async () => {
    const mutation = `mutation { deleteFeature(featureId: "f-1") { __typename } }`;
    h.carcutter.control.reset();
    const res = await h.fetch("/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "cross-site",
        origin: "https://evil.example",
      },
      body: `query=${encodeURIComponent(mutation)}`,
    });
    expect(res.status).toBe(403);
    expect(h.carcutter.control.counts()).toEqual({});
  });
});
