import { describe, expect, it } from "vitest";
import { modelYearOf } from "../../src/domains/vehicle/vin.js";

const now = new Date(Date.UTC(2026, 10, 21));

describe("the model year a VIN encodes (10th character)", () => {
  it.each([
    ["WBA5R1C50KAE81715", 2019],
    ["WVWZZZCDZMW012345", 2021],
    ["WAUZZZ8K9BA123456", 2011],
    ["1FA6P8TH3L5100001", 2020],
    ["1M8GDM9AXKP042788", 2019],
    ["1HGCM82633A004352", 2003],
  ])("%s was made for model year %i", (vin, year) => {
    expect(modelYearOf(vin, now)).toBe(year);
  });

  it("reads a code in its latest cycle, but never more than a year ahead", () => {
    // "T" is 1996 or 2026; "V" is 1997 or 2027 (next year, allowed); "W" is 1998, not 2028.
    expect(modelYearOf("XXXXXXXXXTXXXXXXX", now)).toBe(2026);
    expect(modelYearOf("XXXXXXXXXVXXXXXXX", now)).toBe(2027);
    expect(modelYearOf("XXXXXXXXXWXXXXXXX", now)).toBe(1998);
  });

  it("gives no year for a character that is not a year code, or a text that is not a VIN", () => {
    expect(modelYearOf("XXXXXXXXXZXXXXXXX", now)).toBeUndefined();
    expect(modelYearOf("XXXXXXXXX0XXXXXXX", now)).toBeUndefined();
    expect(modelYearOf("STOCK-123", now)).toBeUndefined();
  });
});
