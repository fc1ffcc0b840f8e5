import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

const STATUS = "GET /vehicle/image/status";
const urls = (n: number, prefix = "batch") =>
  Array.from({ length: n }, (_, i) => `https://photos.example.com/${prefix}/${i}.jpg`);

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway();
});
afterAll(() => h.close());
beforeEach(() => h.carcutter.control.reset());

const imagesQuery = "query ($urls: [URL!]!) { images(urls: $urls) { url status } }";

describe("image status batching, counted at the CarCutter emulator", () => {
  it.each([
    [1, 1],
    [60, 1],
    [61, 2],
    [130, 3],
  ])("images of %i URLs cost %i status call(s), answered in order", async (n, calls) => {
    const list = urls(n);
    const result = await h.execute<{ images: { url: string; status: string }[] }>(imagesQuery, {
      urls: list,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.images.map((i) => i.url)).toEqual(list);
    expect(result.data?.images.every((i) => i.status === "UNKNOWN")).toBe(true);
    expect(h.carcutter.control.count(STATUS)).toBe(calls);
  });

  it("10 copies of one URL cost one call and answer ten times", async () => {
    const one = urls(1)[0] ?? "";
    const result = await h.execute<{ images: { url: string }[] }>(imagesQuery, {
      urls: Array(10).fill(one),
    });
    expect(result.data?.images).toHaveLength(10);
    expect(h.carcutter.control.count(STATUS)).toBe(1);
  });

  it("130 distinct URLs spread over aliased fields of one operation cost exactly 3 calls", async () => {
    const list = urls(130, "spread");
    const singles = list
      .slice(0, 50)
      .map((url, i) => `s${i}: image(url: "${url}") { status }`)
      .join("\n");
    const query = `query ($a: [URL!]!, $b: [URL!]!) {
      ${singles}
      a: images(urls: $a) { url }
      b: images(urls: $b) { url }
    }`;
    const result = await h.execute(query, { a: list.slice(50, 100), b: list.slice(90, 130) });
    expect(result.errors).toBeUndefined();
    expect(h.carcutter.control.count(STATUS)).toBe(3);
  });

  it("statuses are fetched anew by every operation, never cached across requests", async () => {
    await h.execute(imagesQuery, { urls: urls(2) });
    await h.execute(imagesQuery, { urls: urls(2) });
    expect(h.carcutter.control.count(STATUS)).toBe(2);
  });
});
