import { colourOf, type Rgb } from "../pictures.js";

/**
 * Generic colour names as OneAutoAPI uses them, mapped to something a person would recognise in
 * the rendered picture. Names the table lacks still render, in a colour derived from the name.
 */

// A Map, not an object literal: a colour named "constructor" must not find Object's prototype.
const PAINT: ReadonlyMap<string, Rgb> = new Map(
  Object.entries({
    black: [22, 22, 24],
    white: [244, 244, 242],
    silver: [192, 194, 198],
    grey: [112, 114, 118],
    gray: [112, 114, 118],
    blue: [28, 68, 160],
    red: [182, 24, 32],
    green: [30, 108, 62],
    yellow: [242, 200, 28],
    orange: [236, 118, 22],
    brown: [102, 62, 32],
    beige: [214, 196, 160],
    gold: [202, 160, 62],
    bronze: [148, 96, 48],
    purple: [98, 40, 128],
    pink: [232, 128, 168],
    maroon: [112, 20, 34],
    turquoise: [40, 180, 170],
  } satisfies Record<string, Rgb>),
);

/** The colour's name as it appears in a link path: lower case, words joined by hyphens. */
export function colourSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The last known colour word wins, so "Dark Blue" and "metallic-blue" both render blue. */
export function paintOf(name: string): Rgb {
  const words = colourSlug(name).split("-").reverse();
  for (const word of words) {
    const rgb = PAINT.get(word);
    if (rgb) return rgb;
  }
  return colourOf(name);
}
