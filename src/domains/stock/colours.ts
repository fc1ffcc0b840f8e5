/**
 * CarCutter colours are free text in any language ("Moroblau Metallic", "Alpine White",
 * "Schwarz", "Mineralgrau"); OneAuto wants a generic colour from the model's own list, spelled
 * as that list spells it ("gray", "Blue"). This table maps one to the other.
 *
 * Each family lists words that name it, in English and German (plus a few common paint names).
 * A text may name several (German compounds put the colour last: "Obsidianschwarz", "Moroblau";
 * English too: "Pearl White", "Blue Grey" is a grey): the word that ends LAST in the text wins.
 */

export const COLOUR_FAMILIES = {
  Black: ["black", "schwarz", "obsidian", "onyx", "ebony", "jet", "nero", "noir"],
  White: [
    "white",
    "weiss",
    "weiß",
    "alpin",
    "pearl",
    "polar",
    "glacier",
    "ivory",
    "bianco",
    "blanc",
  ],
  Silver: ["silver", "silber", "iridium", "platinum", "platin", "argent"],
  Grey: [
    "grey",
    "gray",
    "grau",
    "graphite",
    "graphit",
    "anthracite",
    "anthrazit",
    "gunmetal",
    "moonstone",
    "slate",
    "titanium",
  ],
  Blue: [
    "blue",
    "blau",
    "navy",
    "azure",
    "azur",
    "sapphire",
    "marine",
    "cobalt",
    "kobalt",
    "bleu",
    "blu",
  ],
  Red: [
    "red",
    "rot",
    "ruby",
    "rubin",
    "crimson",
    "burgundy",
    "bordeaux",
    "maroon",
    "rosso",
    "rouge",
    "cherry",
  ],
  Green: ["green", "grün", "gruen", "olive", "emerald", "smaragd", "jade", "verde", "vert"],
  Yellow: ["yellow", "gelb", "giallo", "jaune", "lemon"],
  Orange: ["orange", "copper", "kupfer", "tangerine"],
  Brown: ["brown", "braun", "bronze", "mocha", "chestnut", "cognac", "havana", "havanna", "marron"],
  Beige: ["beige", "sand", "champagne", "cream", "creme"],
  Gold: ["gold"],
  Purple: ["purple", "violet", "violett", "lila", "plum", "aubergine", "lilac"],
} as const satisfies Record<string, readonly string[]>;

export type ColourFamily = keyof typeof COLOUR_FAMILIES;

const normalise = (text: string) => text.toLowerCase().normalize("NFC");

/** The generic colour a free-text paint name names, or null when it names none we know. */
export function colourFamilyOf(text: string | null | undefined): ColourFamily | null {
  if (!text) return null;
  const haystack = normalise(text);
  let best: { family: ColourFamily; start: number; end: number } | null = null;
  for (const [family, words] of Object.entries(COLOUR_FAMILIES) as [
    ColourFamily,
    readonly string[],
  ][]) {
    for (const word of words) {
      const start = haystack.lastIndexOf(word);
      if (start < 0) continue;
      const end = start + word.length;
      // The word ending last wins; at the same end, the longer word (it starts earlier).
      if (!best || end > best.end || (end === best.end && start < best.start)) {
        best = { family, start, end };
      }
    }
  }
  return best?.family ?? null;
}

/**
 * The entry of a model's colour list (as OneAuto spells it) in the given family, if the list has
 * one: "Mineralgrau" → Grey → "gray" for a list that writes it so.
 */
export function listedColour(
  family: ColourFamily,
  colourList: readonly string[],
): string | undefined {
  return colourList.find((listed) => colourFamilyOf(listed) === family);
}
