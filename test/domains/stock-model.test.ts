import { describe, expect, it } from "vitest";
import { linkExpiry } from "../../src/domains/stock/stock.model.js";

const fetchedAt = new Date(Date.UTC(2026, 10, 21, 12, 0, 0));
const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;
const link = (query: string) => `https://cdn.example.com/vehicleimagery/x.png?${query}`;

describe("when a stock link expires", () => {
  it("is X-Amz-Date plus X-Amz-Expires, read from the link itself", () => {
    const expiry = linkExpiry(link("X-Amz-Date=20261120T083000Z&X-Amz-Expires=3600"), fetchedAt);
    expect(expiry.toISOString()).toBe("2026-11-20T09:30:00.000Z");
  });

  it.each([
    ["no signature parameters", link("a=1")],
    ["an impossible date (31 February)", link("X-Amz-Date=20260231T000000Z&X-Amz-Expires=60")],
    ["a non-numeric lifetime", link("X-Amz-Date=20261120T083000Z&X-Amz-Expires=soon")],
    ["text that is not a URL", "not a url"],
  ])("falls back to the documented 7 days from fetching for %s", (_, text) => {
    expect(linkExpiry(text, fetchedAt).getTime()).toBe(fetchedAt.getTime() + SEVEN_DAYS_MS);
  });
});
