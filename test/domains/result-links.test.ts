import { describe, expect, it } from "vitest";
import { ResultLinks } from "../../src/domains/image/result-links.js";

const PHOTO = "https://photos.example.com/a4/front-left.jpg";

function links(clock: { now: number }, ttlSeconds = 3600) {
  return new ResultLinks({
    publicUrl: "https://gateway.example",
    secret: "s".repeat(32),
    ttlSeconds,
    now: () => clock.now,
  });
}

const expiresOf = (link: string) => Number(new URL(link).searchParams.get("expires")) * 1000;

describe("result links", () => {
  it("are the same within a quarter of their lifetime, so browsers reuse a cached photo", () => {
    const clock = { now: Date.UTC(2026, 11, 1, 12, 0, 0) };
    const signer = links(clock);
    const first = signer.linkFor(PHOTO);
    clock.now += 10_000;
    expect(signer.linkFor(PHOTO)).toBe(first);
    // Another photo has a link of its own.
    expect(signer.linkFor(`${PHOTO}?v=2`)).not.toBe(first);
    clock.now += 15 * 60_000;
    const later = signer.linkFor(PHOTO);
    expect(later).not.toBe(first);
    expect(expiresOf(later)).toBeGreaterThan(expiresOf(first));
  });

  it("stay valid for at least three quarters of their lifetime, and no longer than it", () => {
    const clock = { now: Date.UTC(2026, 11, 1, 12, 0, 0) };
    const signer = links(clock);
    for (let step = 0; step < 200; step++) {
      clock.now += 37_123;
      const link = signer.linkFor(PHOTO);
      const left = expiresOf(link) - clock.now;
      expect(left).toBeGreaterThanOrEqual(0.75 * 3600_000);
      expect(left).toBeLessThanOrEqual(3600_000);
      expect(signer.check(new URL(link).searchParams)).toMatchObject({ ok: true, imageUrl: PHOTO });
    }
  });

  it("a lifetime of a few seconds still gives a valid link", () => {
    const clock = { now: Date.UTC(2026, 11, 1, 12, 0, 0) + 999 };
    const signer = links(clock, 2);
    const link = signer.linkFor(PHOTO);
    expect(expiresOf(link) - clock.now).toBeGreaterThan(0);
    expect(signer.check(new URL(link).searchParams).ok).toBe(true);
  });
});
