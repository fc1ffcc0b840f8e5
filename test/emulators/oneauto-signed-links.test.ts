import { describe, expect, it } from "vitest";
import {
  checkLink,
  type LinkTarget,
  parseLinkPath,
  signLink,
} from "../../src/emulators/oneauto/signed-links.js";
import { formatAmzDate } from "../../src/upstreams/oneauto/dto.js";
import { startOneAuto } from "../support/emulators.js";

const NOW = Date.UTC(2026, 0, 15, 9, 0, 0);
const SECRET = "unit-secret";
const TARGET: LinkTarget = {
  imageId: "bmw-3-series-g20-front",
  colourSlug: "black",
  background: "transparent",
};

function signed(target: LinkTarget = TARGET): URL {
  return new URL(signLink("http://127.0.0.1:1", target, { secret: SECRET, now: NOW }));
}

describe("OneAuto signed links", () => {
  it("verify with the secret that signed them and fail with any other", () => {
    expect(checkLink(signed(), { secret: SECRET, now: NOW })).toEqual({ ok: true });
    expect(checkLink(signed(), { secret: "other", now: NOW })).toMatchObject({
      ok: false,
      status: 403,
      code: "SignatureDoesNotMatch",
    });
  });

  it("count an extra query parameter as tampering", () => {
    const link = signed();
    link.searchParams.append("response-content-type", "text/html");
    expect(checkLink(link, { secret: SECRET, now: NOW })).toMatchObject({
      code: "SignatureDoesNotMatch",
    });
  });

  it("answer AuthorizationQueryParametersError when a SigV4 parameter is missing or impossible", () => {
    const withoutCredential = signed();
    withoutCredential.searchParams.delete("X-Amz-Credential");
    const impossibleDate = signed();
    impossibleDate.searchParams.set("X-Amz-Date", "20260231T090000Z");
    const tooLong = signed();
    tooLong.searchParams.set("X-Amz-Expires", "604801");
    for (const link of [withoutCredential, impossibleDate, tooLong]) {
      expect(checkLink(link, { secret: SECRET, now: NOW })).toMatchObject({
        ok: false,
        status: 400,
        code: "AuthorizationQueryParametersError",
      });
    }
  });

  it("carry their target in the path, which parses back", () => {
    const link = signed();
    expect(link.pathname).toBe("/cdn/vehicleimagery/bmw-3-series-g20-front/black/transparent.png");
    expect(parseLinkPath(link.pathname)).toEqual(TARGET);
    expect(parseLinkPath("/cdn/vehicleimagery/a/b/sepia.png")).toBeUndefined();
    expect(formatAmzDate(NOW)).toBe("20260115T090000Z");
  });

  it("that are validly signed but name no stored picture answer S3's NoSuchKey", async () => {
    const h = await startOneAuto({ signingSecret: SECRET });
    try {
      // Silver is in the BMW's range but has no photograph; the second id does not exist.
      for (const target of [
        { ...TARGET, colourSlug: "silver" },
        { ...TARGET, imageId: "bmw-3-series-g20-roof" },
      ]) {
        const link = new URL(
          signLink(h.server.url, target, { secret: SECRET, now: h.clock.now() }),
        );
        const res = await fetch(link);
        expect(res.status).toBe(404);
        expect(await res.text()).toContain("<Code>NoSuchKey</Code>");
      }
    } finally {
      await h.close();
    }
  });
});
