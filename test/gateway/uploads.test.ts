import { createHash, randomBytes } from "node:crypto";
import { type ExecutionResult, print } from "graphql";
import { PNG } from "pngjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import type { UploadsSubmitWithFilesMutation } from "../gql/graphql.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import {
  multipartBody,
  onlyError,
  photoUrls,
  present,
  type Upload,
} from "../support/operations.js";
import { tinyRgbaPng, tinyRgbPng } from "../support/pictures.js";

/**
 * Binary parts of a submission (license plate, background, overlay) sent as real GraphQL multipart
 * requests through gateway.fetch, and what the CarCutter emulator stored of them.
 */

const SUBMIT = CARCUTTER.submitImages.name;
const UPLOAD_MAX_BYTES = 4096;

const SubmitWithFiles = graphql(`
  mutation UploadsSubmitWithFiles($input: SubmitImagesInput!) {
    submitImages(input: $input) {
      __typename
      ... on SubmitImagesPayload { accepted }
      ... on InputValidationError { issues { path message } }
    }
  }
`);

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway({ env: { UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) } });
});
afterAll(() => h.close());
beforeEach(() => h.carcutter.control.reset());

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const png = (bytes: Uint8Array, field: string): Upload => ({
  path: `variables.input.${field}`,
  bytes,
  filename: `${field}.png`,
  type: "image/png",
});

/** An RGBA PNG of random pixels: incompressible, so its size is about 4 bytes per pixel. */
function noisyRgbaPng(side: number): Buffer {
  const image = new PNG({ width: side, height: side, colorType: 6 });
  randomBytes(image.data.length).copy(image.data);
  return PNG.sync.write(image, { colorType: 6 });
}

async function submitWith(uploads: readonly Upload[], prefix: string) {
  const files = Object.fromEntries(uploads.map((u) => [u.path.split(".").at(-1) ?? "", null]));
  const body = multipartBody(
    print(SubmitWithFiles),
    {
      input: {
        vehicleId: "UPLOAD-VEHICLE",
        urls: photoUrls(1, prefix),
        processing: { cutType: "COMPLETE" },
        ...files,
      },
    },
    uploads,
  );
  // A multipart POST is what a page could send cross-site without a preflight: it proves itself
  // with a CSRF header, as GraphQL upload clients do.
  const response = await h.fetch("/graphql", {
    method: "POST",
    body,
    headers: { "x-graphql-yoga-csrf": "1" },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ExecutionResult<UploadsSubmitWithFilesMutation>;
}

describe("uploads", () => {
  it("an RGBA PNG license plate reaches CarCutter as a PNG part with the same bytes", async () => {
    const plate = tinyRgbaPng();
    const before = h.carcutter.submissions().length;
    const result = await submitWith([png(plate, "licensePlate")], "plate");
    expect(result.errors).toBeUndefined();
    expect(result.data?.submitImages).toEqual({ __typename: "SubmitImagesPayload", accepted: 1 });
    const stored = present(h.carcutter.submissions()[before]);
    expect(stored.uploads).toEqual({
      license_plate: {
        bytes: plate.length,
        sha256: sha256(plate),
        filename: "license_plate.png",
        contentType: "image/png",
      },
    });
    expect(h.carcutter.control.count(SUBMIT)).toBe(1);
  });

  it("all three binary parts travel together, each under its own wire name", async () => {
    const [plate, background, overlay] = [tinyRgbaPng(), noisyRgbaPng(8), noisyRgbaPng(12)];
    const before = h.carcutter.submissions().length;
    const result = await submitWith(
      [png(plate, "licensePlate"), png(background, "background"), png(overlay, "overlay")],
      "three",
    );
    expect(result.data?.submitImages).toMatchObject({ accepted: 1 });
    const { uploads } = present(h.carcutter.submissions()[before]);
    // Each part's own content under its own name (the two noisy ones differ in size and bytes).
    expect(uploads.license_plate).toMatchObject({ bytes: plate.length, sha256: sha256(plate) });
    expect(uploads.background).toMatchObject({
      bytes: background.length,
      sha256: sha256(background),
    });
    expect(uploads.overlay).toMatchObject({ bytes: overlay.length, sha256: sha256(overlay) });
  });

  it.each([
    ["an RGB PNG (no alpha)", () => tinyRgbPng(), /RGBA/],
    [
      "a file that is not a PNG",
      () => Buffer.from("GIF89a, not a PNG at all, but long enough"),
      /PNG/,
    ],
    ["an empty file", () => Buffer.alloc(0), /must not be empty/],
  ])(
    "%s as licensePlate is an InputValidationError naming licensePlate; nothing is sent",
    async (_, bytes, rule) => {
      const result = await submitWith([png(bytes(), "licensePlate")], "refused");
      expect(result.data?.submitImages).toEqual({
        __typename: "InputValidationError",
        issues: [{ path: ["input", "licensePlate"], message: expect.stringMatching(rule) }],
      });
      expect(h.carcutter.control.count(SUBMIT)).toBe(0);
    },
  );

  it("a file over UPLOAD_MAX_BYTES is refused naming the field and the limit; nothing is sent", async () => {
    const big = noisyRgbaPng(48);
    expect(big.length).toBeGreaterThan(UPLOAD_MAX_BYTES);
    const result = await submitWith([png(big, "overlay")], "big");
    expect(result.data?.submitImages).toEqual({
      __typename: "InputValidationError",
      issues: [
        {
          path: ["input", "overlay"],
          message: `at most ${UPLOAD_MAX_BYTES} bytes, got ${big.length}`,
        },
      ],
    });
    expect(h.carcutter.control.count(SUBMIT)).toBe(0);
  });

  it("a string where a File belongs is refused as not an upload, naming the variable path", async () => {
    // The document typed, the variables not: a string where a File belongs, on purpose.
    const result = await h.execute(print(SubmitWithFiles), {
      input: {
        vehicleId: "V",
        urls: photoUrls(1, "string-file"),
        processing: { cutType: "NONE" },
        licensePlate: "data:image/png;base64,AAAA",
      },
    });
    const error = onlyError(result);
    expect(error.message).toContain('"input.licensePlate"');
    expect(error.message).toMatch(/expected an upload/);
    expect(h.carcutter.control.count(SUBMIT)).toBe(0);
  });
});
