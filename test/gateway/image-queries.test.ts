import { createHmac } from "node:crypto";
import type { ResultOf } from "@graphql-typed-document-node/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_VEHICLES, type SeedImageStage } from "../../src/emulators/carcutter/seed.js";
import { ManualClock } from "../../src/emulators/clock.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { graphql } from "../gql/index.js";
import { RETENTION_MS, STEP_MS } from "../support/emulators.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { expectNoErrors, present } from "../support/operations.js";

/** Photo status and signed result links, with the emulator's clock under the test's control. */

const STATUS = CARCUTTER.imageStatuses.name;
const RESULT = CARCUTTER.imageResult.name;
const RESULT_LINK_SECRET = "result-link-secret-for-tests-0123456789";

const ImageFields = graphql(`
  fragment ImageQueriesImageView on Image { id url status phase quality angle resultAvailable resultUrl }
`);
type ImageView = ResultOf<typeof ImageFields>;

const Image = graphql(`
  query ImageQueriesImage($url: URL!) { image(url: $url) { ...ImageQueriesImageView } }
`);

const Images = graphql(`
  query ImageQueriesImages($urls: [URL!]!) { images(urls: $urls) { ...ImageQueriesImageView } }
`);

const ImageNode = graphql(`
  query ImageQueriesNode($id: ID!) { node(id: $id) { __typename id ... on Image { url } } }
`);

const clock = new ManualClock();
let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway({
    clock,
    env: {
      CARCUTTER_EMULATOR_STEP_MS: String(STEP_MS),
      CARCUTTER_EMULATOR_RETENTION_MS: String(RETENTION_MS),
      RESULT_LINK_SECRET,
    },
  });
});
afterAll(() => h.close());
beforeEach(() => h.carcutter.control.reset());

const count = (operation: string) => h.carcutter.control.count(operation);
const seededImage = (stage: SeedImageStage) =>
  present(
    SEED_VEHICLES.flatMap((v) => v.images).find((i) => i.stage === stage),
    stage,
  ).url;

async function image(url: string): Promise<ImageView> {
  const result = await h.run(Image, { url });
  expectNoErrors(result);
  return present(result.data?.image, "image");
}

/** The gateway-relative part of a result link (the harness serves the gateway's origin). */
const pathOf = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};

describe("image and images", () => {
  it.each([
    ["final", { status: "FINAL", phase: "READY", quality: "OK", resultAvailable: true }],
    ["retake", { status: "FINAL", phase: "READY", quality: "RETAKE", resultAvailable: true }],
    ["raw", { status: "RAW", phase: "READY", quality: null, resultAvailable: true }],
    [
      "processing",
      { status: "PROCESSING", phase: "CUTTING", quality: null, resultAvailable: false },
    ],
    ["error", { status: "ERROR", quality: null, resultAvailable: false }],
    ["expired", { status: "EXPIRED", resultAvailable: false }],
  ] as const)(
    "a %s photo reads as %o, with a result link only when a result exists",
    async (stage, expected) => {
      const url = seededImage(stage);
      const answer = await image(url);
      expect(answer).toMatchObject({ url, ...expected });
      expect(answer.angle.length).toBeGreaterThan(0);
      expect(answer.resultUrl !== null).toBe(expected.resultAvailable);
      expect(count(STATUS)).toBe(1);
    },
  );

  it("images answer in the order given, a never-submitted URL as UNKNOWN without angle or link", async () => {
    const known = [seededImage("final"), seededImage("processing")];
    const unknown = "https://photos.example.com/never-submitted.jpg";
    const result = await h.run(Images, { urls: [unknown, ...known] });
    expectNoErrors(result);
    const images = present(present(result.data).images);
    expect(images.map((i) => present(i).url)).toEqual([unknown, ...known]);
    expect(images[0]).toMatchObject({ status: "UNKNOWN", angle: [], resultUrl: null });
    expect(count(STATUS)).toBe(1);
  });

  it.each([
    ["no URL", 0, "must name at least one URL"],
    ["601 URLs", 601, "at most 600 URLs per list"],
  ])("images with %s is refused with the rule, before any call", async (_, n, rule) => {
    const urls = Array.from({ length: n }, (_, i) => `https://photos.example.com/${i}.jpg`);
    const result = await h.run(Images, { urls });
    expect(result.data?.images ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      message: `Invalid input: urls: ${rule}`,
      path: ["images"],
      extensions: { code: "BAD_USER_INPUT", issues: [{ path: ["urls"], message: rule }] },
    });
    expect(count(STATUS)).toBe(0);
  });

  it("an image's global id round-trips through node(id)", async () => {
    const { id, url } = await image(seededImage("final"));
    const result = await h.run(ImageNode, { id });
    expectNoErrors(result);
    expect(result.data?.node).toEqual({ __typename: "Image", id, url });
  });
});

describe("result links", () => {
  it("resultUrl points at the gateway and serves the processed JPEG, fetched once from CarCutter", async () => {
    const { resultUrl } = await image(seededImage("final"));
    const link = present(resultUrl, "resultUrl");
    expect(link.startsWith("http://gateway.test/")).toBe(true);
    h.carcutter.control.reset();

    const response = await h.fetch(pathOf(link));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect(response.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
    expect(response.headers.get("vary")).toMatch(/Origin/i);
    expect(count(RESULT)).toBe(1);
  });

  it("a raw result is served as well", async () => {
    const { resultUrl } = await image(seededImage("raw"));
    const response = await h.fetch(pathOf(present(resultUrl)));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
  });

  it.each([
    ["another photo's url", (p: URLSearchParams) => p.set("url", seededImage("raw"))],
    [
      "a later expiry",
      (p: URLSearchParams) => p.set("expires", String(Number(p.get("expires")) + 1)),
    ],
    ["another signature", (p: URLSearchParams) => p.set("signature", "0".repeat(64))],
    ["no signature", (p: URLSearchParams) => p.delete("signature")],
  ])("a link with %s is refused with 403 and never reaches CarCutter", async (_, tamper) => {
    const link = new URL(present((await image(seededImage("final"))).resultUrl));
    tamper(link.searchParams);
    h.carcutter.control.reset();
    const response = await h.fetch(pathOf(link.toString()));
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/Invalid result link/);
    expect(count(RESULT)).toBe(0);
  });

  it("a correctly signed link past its own expiry is refused with 403 and never reaches CarCutter", async () => {
    // Signed as src/domains/image/result-links.ts signs (HMAC-SHA256 of "expires\nurl"), with the
    // configured secret, but expiring a minute ago.
    const url = seededImage("final");
    const expires = Math.floor(Date.now() / 1000) - 60;
    const signature = createHmac("sha256", RESULT_LINK_SECRET)
      .update(`${expires}\n${url}`)
      .digest("hex");
    const genuine = new URL(present((await image(url)).resultUrl));
    expect(genuine.searchParams.get("signature")).toBe(
      createHmac("sha256", RESULT_LINK_SECRET)
        .update(`${genuine.searchParams.get("expires")}\n${url}`)
        .digest("hex"),
    );
    const params = new URLSearchParams({ url, expires: String(expires), signature });
    h.carcutter.control.reset();
    const response = await h.fetch(`${genuine.pathname}?${params}`);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/link expired/);
    expect(count(RESULT)).toBe(0);
  });

  it("only GET is served", async () => {
    const { resultUrl } = await image(seededImage("final"));
    const response = await h.fetch(pathOf(present(resultUrl)), { method: "POST" });
    expect(response.status).toBe(405);
  });

  // Last in this file: it moves the emulator's clock past CarCutter's retention.
  it("a link to a result CarCutter has since deleted answers 410, and the photo then reads EXPIRED", async () => {
    const url = seededImage("final");
    const link = present((await image(url)).resultUrl);
    clock.advance(RETENTION_MS);
    h.carcutter.control.reset();

    const response = await h.fetch(pathOf(link));
    expect(response.status).toBe(410);
    expect(await response.text()).toMatch(/no longer keeps this result/);
    expect(count(RESULT)).toBe(1);
    expect(await image(url)).toMatchObject({ status: "EXPIRED", resultUrl: null });
  });
});
