import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isUpstreamError } from "../../src/errors.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { TOKEN } from "../support/credentials.js";
import { type CarCutterHarness, startCarCutter, urlsFor } from "../support/emulators.js";
import { expectUpstreamError } from "../support/upstream-clients.js";

/** How each CarCutter answer becomes an UpstreamError, against the emulator. */

const VIN = "WBA5R1C50KAE81715";
const STATUS = CARCUTTER.imageStatuses.name;
const SUBMIT = CARCUTTER.submitImages.name;

let h: CarCutterHarness;
beforeEach(async () => {
  h = await startCarCutter({ maxUploadBytes: 1024 });
});
afterEach(async () => {
  await h.close();
});

describe("error mapping", () => {
  it("maps 400 to UPSTREAM_BAD_REQUEST and keeps CarCutter's reason for the log only", async () => {
    const error = await expectUpstreamError(
      h.client().submitImages({ urls: ["not a url"], vehicleId: VIN, cutType: "normal" }),
      { code: "UPSTREAM_BAD_REQUEST", upstream: "carcutter", operation: SUBMIT, status: 400 },
    );
    expect(error.upstreamDetail).toContain("image_url: must be an absolute http(s) URL");
    expect(error.message).not.toContain("image_url");
    expect(Object.keys(error)).not.toContain("upstreamDetail");
    expect(JSON.stringify(error)).not.toContain("absolute");
  });

  it("maps 401 to UPSTREAM_UNAUTHORIZED and names the setting to check", async () => {
    const wrongToken = "wrong-token-3c59dc048e8850243be8079a5c74d079";
    const error = await expectUpstreamError(
      h.client({ token: wrongToken }).imageStatuses(urlsFor(1)),
      { code: "UPSTREAM_UNAUTHORIZED", upstream: "carcutter", operation: STATUS, status: 401 },
    );
    expect(error.message).toContain("check CARCUTTER_API_TOKEN");
    for (const text of [error.message, JSON.stringify(error), error.upstreamDetail ?? ""]) {
      expect(text).not.toContain(wrongToken);
    }
    expect(h.count(STATUS)).toBe(1);
  });

  it("maps 402 (credits exceeded) to UPSTREAM_CREDITS_EXCEEDED", async () => {
    h.emulator.setCredits(0);
    const error = await expectUpstreamError(
      h.client().submitImages({ urls: urlsFor(2), vehicleId: VIN, cutType: "normal" }),
      { code: "UPSTREAM_CREDITS_EXCEEDED", upstream: "carcutter", operation: SUBMIT, status: 402 },
    );
    expect(error.upstreamDetail).toBe("Credits exceeded. Please contact sales.");
    expect(h.emulator.submissions()).toEqual([]);
  });

  it("maps 404 to UPSTREAM_NOT_FOUND where the caller did not ask for null", async () => {
    await expectUpstreamError(h.client().imageResult("https://cdn.dealer.example/x.jpg"), {
      code: "UPSTREAM_NOT_FOUND",
      upstream: "carcutter",
      operation: CARCUTTER.imageResult.name,
      status: 404,
    });
  });

  it("maps 413 (request body over CarCutter's limit) to UPSTREAM_PAYLOAD_TOO_LARGE", async () => {
    const big = new Blob([new Uint8Array(1_100_000)], { type: "image/png" });
    await expectUpstreamError(
      h.client().submitImages({
        urls: urlsFor(1),
        vehicleId: VIN,
        cutType: "normal",
        background: big,
      }),
      { code: "UPSTREAM_PAYLOAD_TOO_LARGE", upstream: "carcutter", operation: SUBMIT, status: 413 },
    );
    expect(h.emulator.submissions()).toEqual([]);
  });

  it("maps 500 to UPSTREAM_UNAVAILABLE without retrying a read", async () => {
    h.emulator.control.script({
      operation: STATUS,
      fault: { kind: "status", status: 500 },
      times: 5,
    });
    const error = await expectUpstreamError(h.client().imageStatuses(urlsFor(1)), {
      code: "UPSTREAM_UNAVAILABLE",
      upstream: "carcutter",
      operation: STATUS,
      status: 500,
    });
    expect(error.message).toBe(
      "CarCutter is unavailable (HTTP 500 on GET /vehicle/image/status); try again shortly.",
    );
    expect(h.count(STATUS)).toBe(1);
  });

  it("maps a truncated JSON body to UPSTREAM_CONTRACT without retrying", async () => {
    h.emulator.control.script({ operation: STATUS, fault: { kind: "malformed" }, times: 5 });
    const error = await expectUpstreamError(h.client().imageStatuses(urlsFor(1)), {
      code: "UPSTREAM_CONTRACT",
      upstream: "carcutter",
      operation: STATUS,
      status: 200,
    });
    expect(error.message).toContain("body is not JSON");
    expect(error.message).not.toContain("trunc");
    expect(h.count(STATUS)).toBe(1);
  });

  it("maps a body larger than the cap to UPSTREAM_CONTRACT", async () => {
    const error = await expectUpstreamError(
      h.client({ maxResponseBytes: 200 }).imageStatuses(urlsFor(10)),
      { code: "UPSTREAM_CONTRACT", upstream: "carcutter", operation: STATUS, status: 200 },
    );
    expect(error.message).toContain("body larger than 200 bytes");
  });

  it("maps a result picture larger than the cap to UPSTREAM_CONTRACT", async () => {
    const [url = ""] = urlsFor(1);
    await h.client().submitImages({ urls: [url], vehicleId: VIN, cutType: "normal" });
    h.clock.advance(60_000 - 1);
    await expectUpstreamError(h.client({ maxResponseBytes: 64 }).imageResult(url), {
      code: "UPSTREAM_CONTRACT",
      upstream: "carcutter",
      operation: CARCUTTER.imageResult.name,
      status: 200,
    });
  });

  it("never shows the token, whatever the failure", async () => {
    // Every scripted fault at once; expectUpstreamError checks each error for secrets.
    const client = h.client({ maxRetries: 0 });
    const cases = [
      { kind: "status", status: 400 },
      { kind: "status", status: 401 },
      { kind: "status", status: 402 },
      { kind: "status", status: 403 },
      { kind: "status", status: 404 },
      { kind: "status", status: 410 },
      { kind: "status", status: 413 },
      { kind: "status", status: 429, retryAfterSeconds: 1 },
      { kind: "status", status: 500 },
      { kind: "status", status: 502 },
      { kind: "status", status: 503 },
      { kind: "status", status: 504 },
      { kind: "reset" },
      { kind: "malformed" },
      { kind: "latency", ms: 1000 },
    ] as const;
    const codes: string[] = [];
    for (const fault of cases) {
      h.emulator.control.script({ operation: STATUS, fault });
      const error = await client.imageStatuses(urlsFor(1)).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!(error instanceof Error)) throw new Error(`no error for ${JSON.stringify(fault)}`);
      if (!isUpstreamError(error)) throw error;
      codes.push(error.extensions.code);
      await expectUpstreamError(Promise.reject(error), {
        code: error.extensions.code,
        upstream: "carcutter",
        operation: STATUS,
        ...(error.extensions.status === undefined ? {} : { status: error.extensions.status }),
      });
      expect(JSON.stringify({ error, extensions: error.extensions })).not.toContain(TOKEN);
    }
    expect(codes).toEqual([
      "UPSTREAM_BAD_REQUEST",
      "UPSTREAM_UNAUTHORIZED",
      "UPSTREAM_CREDITS_EXCEEDED",
      "UPSTREAM_FORBIDDEN",
      "UPSTREAM_NOT_FOUND",
      "UPSTREAM_GONE",
      "UPSTREAM_PAYLOAD_TOO_LARGE",
      "UPSTREAM_RATE_LIMITED",
      "UPSTREAM_UNAVAILABLE",
      "UPSTREAM_UNAVAILABLE",
      "UPSTREAM_UNAVAILABLE",
      "UPSTREAM_UNAVAILABLE",
      "UPSTREAM_UNAVAILABLE",
      "UPSTREAM_CONTRACT",
      "UPSTREAM_TIMEOUT",
    ]);
  });
});
