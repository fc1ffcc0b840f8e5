import { describe, expect, it } from "vitest";
import { colourFamilyOf, listedColour } from "../../src/domains/stock/colours.js";

describe("mapping free-text paint names to OneAuto's generic colours", () => {
  it.each([
    ["Moroblau Metallic", "Blue"],
    ["Alpine White", "White"],
    ["Alpinweiß", "White"],
    ["Alpinweiss", "White"],
    ["Schwarz", "Black"],
    ["Obsidianschwarz Metallic", "Black"],
    ["Saphirschwarz", "Black"],
    ["Mineralgrau", "Grey"],
    ["Mondsteingrau", "Grey"],
    ["Moonstone Grey", "Grey"],
    ["Nardo Gray", "Grey"],
    ["Blue Grey", "Grey"],
    ["Iridium Silber Metallic", "Silver"],
    ["Reflex Silver", "Silver"],
    ["Pearl White Multi-Coat", "White"],
    ["Frozen White", "White"],
    ["Race Red", "Red"],
    ["Tornadorot", "Red"],
    ["Rosso Corsa", "Red"],
    ["British Racing Green", "Green"],
    ["Smaragdgrün", "Green"],
    ["Giallo Modena", "Yellow"],
    ["Kupfer Orange", "Orange"],
    ["Havanna Braun", "Brown"],
    ["Champagne", "Beige"],
    ["Gold", "Gold"],
    ["Ultra Violet", "Purple"],
  ])("%s is %s", (text, family) => {
    expect(colourFamilyOf(text)).toBe(family);
  });

  it.each([["Sonderlackierung"], [""], [null], [undefined]])(
    "%s names no colour we know",
    (text) => {
      expect(colourFamilyOf(text)).toBeNull();
    },
  );

  it("picks the model's own spelling of the family from its colour list", () => {
    const list = ["Black", "white", "Silver", "gray", "Blue", "Red"];
    expect(listedColour("Grey", list)).toBe("gray");
    expect(listedColour("White", list)).toBe("white");
    expect(listedColour("Green", list)).toBeUndefined();
  });
});
