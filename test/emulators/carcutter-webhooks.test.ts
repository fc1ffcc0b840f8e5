import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/emulators/clock.js";
import { imageStatusResponseDto } from "../../src/upstreams/carcutter/dto.js";
import {
  type CarCutterHarness,
  form,
  RETENTION_MS,
  STEP_MS,
  startCarCutter,
  startWebhookReceiver,
  THREE_WEBHOOK_RETRIES_MS,
  type WebhookReceiver,
} from "../support/emulators.js";

const VIN = "WAUZZZ8K9BA123456";
const URL_A = "https://cdn.dealer.example/audi/front-left.jpg";

let h: CarCutterHarness;
let receiver: WebhookReceiver;
beforeEach(async () => {
  h = await startCarCutter({ webhookRetryDelaysMs: THREE_WEBHOOK_RETRIES_MS });
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await h.close();
  await receiver.close();
});

async function submitWithHook(
  urls: string | string[],
  extra: Record<string, string> = { webhook_response_auth_key: "hook-secret" },
) {
  const res = await h.call("POST", "/vehicle/image/submission", {
    form: form({
      image_url: urls,
      vehicle_id: VIN,
      cut_type: "complete",
      webhook_url: receiver.url,
      ...extra,
    }),
  });
  expect(res.status).toBe(200);
  await h.emulator.webhooksIdle();
}

/** `status/phase/quality` of every webhook received, in arrival order. */
const states = (r: WebhookReceiver = receiver) =>
  r.received.map(({ body }) => {
    const [image] = imageStatusResponseDto.parse(JSON.parse(body)).data.images;
    return `${image?.status}/${image?.phase}/${image?.quality}`;
  });

async function advance(ms: number) {
  h.clock.advance(ms);
  await h.emulator.webhooksIdle();
}

describe("webhooks", () => {
  it("POST the status body at acceptance and at every change of status or phase", async () => {
    await submitWithHook(URL_A);
    for (let step = 0; step < 6; step++) await advance(STEP_MS);
    expect(states()).toEqual([
      "processing/downloading/null",
      "processing/analyzing/null",
      "processing/cutting/null",
      "processing/qa-ing/null",
      "processing/retouching/null",
      "raw/ready/null",
      "final/ready/ok",
    ]);
    const first = receiver.received[0];
    expect(first?.headers.authorization).toBe("Bearer hook-secret");
    expect(first?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(first?.body ?? "")).toEqual({
      data: {
        images: [
          {
            image: URL_A,
            angle: ["exterior", "front-left"],
            status: "processing",
            phase: "downloading",
            quality: null,
          },
        ],
      },
    });
  });

  it("stay silent while nothing changes", async () => {
    await submitWithHook(URL_A);
    await advance(STEP_MS / 2);
    await advance(STEP_MS / 4);
    expect(receiver.received).toHaveLength(1);
  });

  it("send only the state reached when the clock jumps several steps", async () => {
    await submitWithHook(URL_A);
    await advance(6 * STEP_MS);
    expect(states()).toEqual(["processing/downloading/null", "final/ready/ok"]);
  });

  it("announce expiry, then never call again for that image", async () => {
    await submitWithHook(URL_A);
    await advance(6 * STEP_MS);
    await advance(RETENTION_MS);
    await advance(RETENTION_MS);
    expect(states()).toEqual(["processing/downloading/null", "final/ready/ok", "expired/ready/ok"]);
  });

  it("announce an error image's error, then stop", async () => {
    await submitWithHook(`${URL_A}?emulate=error`);
    for (let step = 0; step < 4; step++) await advance(STEP_MS);
    expect(states()).toEqual([
      "processing/downloading/null",
      "processing/analyzing/null",
      "error/analyzing/null",
    ]);
  });

  it("send one call per image, each with its own state", async () => {
    const urlB = "https://cdn.dealer.example/audi/rear.jpg";
    await submitWithHook([URL_A, urlB]);
    expect(receiver.received).toHaveLength(2);
    const images = receiver.received.map(
      ({ body }) => imageStatusResponseDto.parse(JSON.parse(body)).data.images,
    );
    expect(images.map((list) => list.map((i) => i.image))).toEqual([[URL_A], [urlB]]);
  });

  it("carry no Authorization header when no webhook_response_auth_key was given", async () => {
    await submitWithHook(URL_A, {});
    expect(receiver.received[0]?.headers.authorization).toBeUndefined();
  });

  it("retry a failing call after the configured delays until the receiver accepts it", async () => {
    receiver.answerWith(500, 503);
    await submitWithHook(URL_A);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(receiver.received.every((r) => r.headers.authorization === "Bearer hook-secret")).toBe(
      true,
    );
    const [delivery] = h.emulator.webhookDeliveries();
    expect(delivery).toMatchObject({
      url: receiver.url,
      outcome: "delivered",
      attempts: 3,
      answers: [500, 503, 204],
    });
  });

  it("drop a call after the last retry and keep delivering later changes", async () => {
    receiver.answerWith(500, 500, 500, 500);
    await submitWithHook(URL_A);
    expect(receiver.received).toHaveLength(4);
    expect(h.emulator.webhookDeliveries()[0]).toMatchObject({ outcome: "dropped", attempts: 4 });
    await advance(STEP_MS);
    expect(states().at(-1)).toBe("processing/analyzing/null");
    expect(h.emulator.webhookDeliveries()[1]).toMatchObject({ outcome: "delivered", attempts: 1 });
  });

  it("keep the order of calls to one URL while an earlier call is being retried", async () => {
    receiver.answerWith(500);
    await h.call("POST", "/vehicle/image/submission", {
      form: form({
        image_url: URL_A,
        vehicle_id: VIN,
        cut_type: "complete",
        webhook_url: receiver.url,
      }),
    });
    h.clock.advance(STEP_MS);
    h.clock.advance(STEP_MS);
    await h.emulator.webhooksIdle();
    expect(states()).toEqual([
      "processing/downloading/null",
      "processing/downloading/null",
      "processing/analyzing/null",
      "processing/cutting/null",
    ]);
  });

  it("survive an unreachable receiver: retried, dropped, and the emulator keeps answering", async () => {
    const gone = await startWebhookReceiver();
    await gone.close();
    await h.call("POST", "/vehicle/image/submission", {
      form: form({
        image_url: URL_A,
        vehicle_id: VIN,
        cut_type: "complete",
        webhook_url: gone.url,
      }),
    });
    await h.emulator.webhooksIdle();
    const [delivery] = h.emulator.webhookDeliveries();
    expect(delivery?.outcome).toBe("dropped");
    expect(delivery?.attempts).toBe(4);
    expect(delivery?.answers.every((a) => typeof a === "string")).toBe(true);
    const status = await h.call("GET", "/vehicle/image/status", { query: { image_url: URL_A } });
    expect(status.status).toBe(200);
  });

  it("stop for a URL resubmitted without webhook_url", async () => {
    await submitWithHook(URL_A);
    await h.call("POST", "/vehicle/image/submission", {
      form: form({ image_url: URL_A, vehicle_id: VIN, cut_type: "complete" }),
    });
    await advance(6 * STEP_MS);
    expect(receiver.received).toHaveLength(1);
  });

  it("are listed in the delivery log over /__emulator/webhooks", async () => {
    await submitWithHook(URL_A);
    const res = await h.callJson<{ url: string; outcome: string }[]>("GET", "/__emulator/webhooks");
    expect(res.body).toEqual([
      expect.objectContaining({ url: receiver.url, outcome: "delivered" }),
    ]);
  });

  it("are driven by the system clock on its own when no manual clock is used", async () => {
    const live = await startCarCutter({
      clock: systemClock,
      stepMs: 20,
      webhookRetryDelaysMs: THREE_WEBHOOK_RETRIES_MS,
    });
    try {
      await live.call("POST", "/vehicle/image/submission", {
        form: form({
          image_url: URL_A,
          vehicle_id: VIN,
          cut_type: "complete",
          webhook_url: receiver.url,
        }),
      });
      const deadline = Date.now() + 3000;
      while (!states().includes("final/ready/ok") && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(states().at(0)).toBe("processing/downloading/null");
      expect(states()).toContain("final/ready/ok");
    } finally {
      await live.close();
    }
  });

  it("are awaited by close(), retries included", async () => {
    const slow = await startCarCutter({ webhookRetryDelaysMs: [150] });
    receiver.answerWith(500);
    await slow.call("POST", "/vehicle/image/submission", {
      form: form({
        image_url: URL_A,
        vehicle_id: VIN,
        cut_type: "complete",
        webhook_url: receiver.url,
      }),
    });
    await slow.close();
    expect(receiver.received).toHaveLength(2);
    expect(slow.emulator.webhookDeliveries()[0]?.outcome).toBe("delivered");
  });
});
