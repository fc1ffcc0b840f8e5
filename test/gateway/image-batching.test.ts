import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { present } from "../support/operations.js";

const STATUS = CARCUTTER.imageStatuses.name;
const urls = (n: number, prefix = "batch") =>
  Array.from({ length: n }, (_, i) => `https://photos.example.com/${prefix}/${i}.jpg`);

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway();
});
afterAll(() => h.close());
beforeEach(() => h.carcutter.control.reset());

const Images = graphql(`
  query ImageBatchingImages($urls: [URL!]!) { images(urls: $urls) { url status } }
`);

describe("image status batching, counted at the CarCutter emulator", () => {
  it.each([
    [1, 1],
    [60, 1],
    [61, 2],
    [130, 3],
  ])("images of %i URLs cost %i status call(s), answered in order", async (n, calls) => {
    const list = urls(n);
    const result = await h.run(Images, { urls: list });
    expect(result.errors).toBeUndefined();
    expect(result.data?.images?.map((i) => present(i).url)).toEqual(list);
    expect(result.data?.images?.every((i) => present(i).status === "UNKNOWN")).toBe(true);
    expect(h.carcutter.control.count(STATUS)).toBe(calls);
  });

  it("10 copies of one URL cost one call and answer ten times", async () => {
    const one = urls(1)[0] ?? "";
    const result = await h.run(Images, { urls: Array(10).fill(one) });
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
    // A string: 50 aliased fields generated from the URLs.
    const result = await h.execute(query, { a: list.slice(50, 100), b: list.slice(90, 130) });
    expect(result.errors).toBeUndefined();
    expect(h.carcutter.control.count(STATUS)).toBe(3);
  });

  it("statuses are fetched anew by every operation, never cached across requests", async () => {
    await h.run(Images, { urls: urls(2) });
    await h.run(Images, { urls: urls(2) });
    expect(h.carcutter.control.count(STATUS)).toBe(2);
  });
});
