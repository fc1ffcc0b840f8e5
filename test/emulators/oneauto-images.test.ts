import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allImageIds } from "../../src/emulators/oneauto/catalogue.js";
import { failureEnvelopeDto, LINK_LIFETIME_SECONDS } from "../../src/upstreams/oneauto/dto.js";
import { type OneAutoHarness, servedColour, startOneAuto } from "../support/emulators.js";
import { decodePng, pixel } from "../support/pictures.js";

let h: OneAutoHarness;
beforeAll(async () => {
  h = await startOneAuto();
});
afterAll(() => h.close());

const BMW_FRONT = "bmw-3-series-g20-front";

async function failure(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  return failureEnvelopeDto.parse(await res.json()).error;
}

const imageFromId = (query: Record<string, string>) =>
  h.api(`/vehicleimagery/imagefromid?${new URLSearchParams(query)}`);

function withParam(link: URL, name: string, value: string): URL {
  const changed = new URL(link);
  changed.searchParams.set(name, value);
  return changed;
}

describe("OneAuto emulator image from id", () => {
  it("answers a pre-signed link on the emulator's own origin, dated by the clock", async () => {
    const link = await h.linkFor({ image_id: BMW_FRONT, generic_colour_desc: "Blue" });
    expect(link.origin).toBe(h.server.url);
    expect(link.pathname).toBe(`/cdn/vehicleimagery/${BMW_FRONT}/blue/opaque.png`);
    const q = link.searchParams;
    expect(q.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
    // e.g. 20260115T090000Z for 2026-01-15T09:00:00.000Z
    const date = `${new Date(h.clock.now()).toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
    expect(q.get("X-Amz-Date")).toBe(date);
    expect(q.get("X-Amz-Credential")).toBe(
      `AKIAEMULATOR00000000/${date.slice(0, 8)}/eu-west-2/s3/aws4_request`,
    );
    expect(q.get("X-Amz-Expires")).toBe(String(LINK_LIFETIME_SECONDS));
    expect(q.get("X-Amz-Expires")).toBe("604800");
    expect(q.get("X-Amz-SignedHeaders")).toBe("host");
    expect(q.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("serves a real transparent PNG when asked for a transparent background", async () => {
    const link = await h.linkFor({ image_id: BMW_FRONT, image_background: "transparent" });
    expect(link.pathname).toMatch(/\/transparent\.png$/);
    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const png = await decodePng(res);
    expect(pixel(png, 0, 0)[3]).toBe(0);
  });

  it("serves an opaque PNG by default, its car painted in the colour served", async () => {
    const link = await h.linkFor({ image_id: BMW_FRONT, generic_colour_desc: "BLUE" });
    expect(link.pathname).toMatch(/\/blue\/opaque\.png$/);
    const png = await decodePng(await fetch(link));
    expect(pixel(png, 0, 0)[3]).toBe(255);
    const [r, g, b, a] = pixel(png, Math.floor(png.width / 2), Math.floor(png.height * 0.6));
    expect(a).toBe(255);
    expect(b).toBeGreaterThan(r + 60);
    expect(b).toBeGreaterThan(g + 60);
  });

  it("serves the same bytes and ETag for one picture, and different ones per colour and view", async () => {
    const fetchBoth = async (query: Record<string, string>) => {
      const res = await fetch(await h.linkFor(query));
      return { etag: res.headers.get("etag"), bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const first = await fetchBoth({ image_id: BMW_FRONT, generic_colour_desc: "Blue" });
    h.clock.advance(1000);
    const again = await fetchBoth({ image_id: BMW_FRONT, generic_colour_desc: "Blue" });
    const black = await fetchBoth({ image_id: BMW_FRONT, generic_colour_desc: "Black" });
    const rear = await fetchBoth({
      image_id: "bmw-3-series-g20-rear",
      generic_colour_desc: "Blue",
    });
    expect(first.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(again.etag).toBe(first.etag);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(black.etag).not.toBe(first.etag);
    expect(rear.etag).not.toBe(first.etag);
  });

  it("uses the model's first photographed colour when none is asked for", async () => {
    // The BMW's range starts with Black, which is photographed; the Golf's with white.
    expect(servedColour(await h.linkFor({ image_id: BMW_FRONT }))).toBe("black");
    expect(servedColour(await h.linkFor({ image_id: "volkswagen-golf-mk8-front" }))).toBe("white");
  });

  it("refuses a colour without a photograph, or outside the range, with the upstream's message", async () => {
    // Silver is in the BMW's paint range but was never photographed; Purple is not in the range.
    for (const colour of ["Silver", "Purple"]) {
      const res = await imageFromId({ image_id: BMW_FRONT, generic_colour_desc: colour });
      expect(await failure(res, 400)).toBe("Requested color not found for this car");
    }
  });

  it("falls back to the default colour under ignore_issues=true, and the path says so", async () => {
    const link = await h.linkFor({
      image_id: BMW_FRONT,
      generic_colour_desc: "Silver",
      ignore_issues: "true",
    });
    expect(servedColour(link)).toBe("black");
    expect((await fetch(link)).status).toBe(200);
    const asked = await h.linkFor({
      image_id: BMW_FRONT,
      generic_colour_desc: "gray",
      ignore_issues: "true",
    });
    expect(servedColour(asked)).toBe("gray");
  });

  it("refuses an unknown background with 400 naming the allowed values", async () => {
    const res = await imageFromId({ image_id: BMW_FRONT, image_background: "Checkered" });
    const message = await failure(res, 400);
    expect(message).toContain("Transparent");
    expect(message).toContain("Opaque");
  });

  it("names a missing image_id in a 400 and answers 204 with no body for an unknown one", async () => {
    expect(await failure(await imageFromId({}), 400)).toContain("image_id");
    const unknown = await imageFromId({ image_id: "no-such-image" });
    expect(unknown.status).toBe(204);
    expect(await unknown.text()).toBe("");
  });

  it("resolves every image id in the catalogue to a link that serves a PNG", async () => {
    for (const id of allImageIds()) {
      const link = await h.linkFor({ image_id: id, image_background: "Transparent" });
      const res = await fetch(link);
      expect(res.status, id).toBe(200);
      expect(res.headers.get("content-type"), id).toBe("image/png");
      await res.arrayBuffer();
    }
  });
});

describe("OneAuto emulator signed links", () => {
  it("are served without an API key, and refused with S3's AccessDenied when unsigned", async () => {
    const link = await h.linkFor({ image_id: BMW_FRONT });
    expect((await fetch(link)).status).toBe(200);
    const unsigned = await fetch(`${link.origin}${link.pathname}`);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain("<Code>AccessDenied</Code>");
  });

  it("refuse a tampered signature, colour, date or lifetime with SignatureDoesNotMatch", async () => {
    const link = await h.linkFor({ image_id: BMW_FRONT });
    const signature = link.searchParams.get("X-Amz-Signature") ?? "";
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("0") ? "1" : "0"}`;
    const otherColour = new URL(link);
    otherColour.pathname = otherColour.pathname.replace("/black/", "/blue/");
    for (const tampered of [
      withParam(link, "X-Amz-Signature", flipped),
      otherColour,
      withParam(link, "X-Amz-Date", "20260120T090000Z"),
      withParam(link, "X-Amz-Expires", "604799"),
    ]) {
      const res = await fetch(tampered);
      expect(res.status, tampered.href).toBe(403);
      expect(res.headers.get("content-type")).toContain("xml");
      expect(await res.text()).toMatch(
        /^<\?xml[^>]*>\s*<Error><Code>SignatureDoesNotMatch<\/Code>/,
      );
    }
  });

  it("stay valid when the query is reordered, as SigV4 canonicalises it", async () => {
    const link = await h.linkFor({ image_id: BMW_FRONT });
    const reordered = new URL(`${link.origin}${link.pathname}`);
    for (const [k, v] of [...link.searchParams].reverse()) reordered.searchParams.append(k, v);
    expect(reordered.search).not.toBe(link.search);
    expect((await fetch(reordered)).status).toBe(200);
  });

  it("are refused by another emulator instance, whose secret differs", async () => {
    const other = await startOneAuto();
    try {
      const link = await h.linkFor({ image_id: BMW_FRONT });
      const res = await fetch(`${other.server.url}${link.pathname}${link.search}`);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("SignatureDoesNotMatch");
    } finally {
      await other.close();
    }
  });

  it("are identical for two instances sharing a signing secret at the same moment", async () => {
    const [a, b] = await Promise.all([
      startOneAuto({ signingSecret: "shared" }),
      startOneAuto({ signingSecret: "shared" }),
    ]);
    try {
      const la = await a.linkFor({ image_id: BMW_FRONT });
      const lb = await b.linkFor({ image_id: BMW_FRONT });
      expect(la.search).toBe(lb.search);
      expect((await fetch(`${b.server.url}${la.pathname}${la.search}`)).status).toBe(200);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("work until seven days after X-Amz-Date and then answer Request has expired", async () => {
    const fresh = await startOneAuto();
    try {
      const link = await fresh.linkFor({ image_id: BMW_FRONT });
      fresh.clock.advance(LINK_LIFETIME_SECONDS * 1000 - 1000);
      const late = await fetch(link);
      expect(late.status).toBe(200);
      await late.arrayBuffer();

      fresh.clock.advance(2000);
      const expired = await fetch(link);
      expect(expired.status).toBe(403);
      const xml = await expired.text();
      expect(xml).toContain("<Code>AccessDenied</Code>");
      expect(xml).toContain("<Message>Request has expired</Message>");
      expect(xml).toContain("<Expires>2026-01-22T09:00:00Z</Expires>");

      // A new call hands out a link dated by the clock, which works again.
      const renewed = await fresh.linkFor({ image_id: BMW_FRONT });
      expect(renewed.searchParams.get("X-Amz-Date")).toBe("20260122T090001Z");
      expect((await fetch(renewed)).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});
