import { ONEAUTO_VIEWS, type OneAutoView } from "../../upstreams/oneauto/dto.js";

/**
 * The stock photos the emulator knows. Each entry is one photographed derivative: the real API
 * identifies vehicles down to the derivative, and two derivatives of one model can look different
 * (an S line has other bumpers than an SE), so each carries its own image ids. Ids are readable
 * (`<model key>-<view with hyphens>`, e.g. `bmw-3-series-g20-front`) so that documented curl
 * examples keep working.
 */

export interface StockModel {
  /** Prefix of every image id of this entry. */
  key: string;
  manufacturer: string;
  modelRange: string;
  bodyType: string;
  derivative: string;
  firstYear: number;
  /** Undefined while still built: any year up to the current one matches. */
  lastYear?: number;
  views: readonly OneAutoView[];
  /** The paint range in the mixed letter case the real API returns. */
  colours: readonly string[];
  /** The colours photographed, a subset of `colours`, spelt as there. */
  coloursWithImages: readonly string[];
}

const EXTERIOR_VIEWS = ONEAUTO_VIEWS.filter((view) => !view.startsWith("inside_"));
const FIVE_EXTERIOR_VIEWS: readonly OneAutoView[] = [
  "front",
  "front_right",
  "right",
  "rear",
  "front_left",
];

export const STOCK_MODELS: readonly StockModel[] = [
  {
    key: "bmw-3-series-g20",
    manufacturer: "BMW",
    modelRange: "3 Series",
    bodyType: "Saloon",
    derivative: "320d M Sport 4dr Step Auto",
    firstYear: 2019,
    lastYear: 2025,
    views: ONEAUTO_VIEWS,
    colours: ["Black", "white", "Silver", "gray", "Blue", "Red"],
    coloursWithImages: ["Black", "white", "gray", "Blue"],
  },
  {
    key: "volkswagen-golf-mk8",
    manufacturer: "Volkswagen",
    modelRange: "Golf",
    bodyType: "Hatchback",
    derivative: "1.5 TSI Life 5dr",
    firstYear: 2020,
    views: ONEAUTO_VIEWS,
    colours: ["white", "Black", "Silver", "Grey", "Blue", "Red", "Yellow"],
    coloursWithImages: ["white", "Grey", "Blue", "Yellow"],
  },
  {
    key: "volkswagen-golf-mk8-estate",
    manufacturer: "Volkswagen",
    modelRange: "Golf",
    bodyType: "Estate",
    derivative: "1.5 TSI Life 5dr",
    firstYear: 2020,
    views: FIVE_EXTERIOR_VIEWS,
    colours: ["white", "Black", "Silver", "Grey", "Blue"],
    coloursWithImages: ["white", "Silver"],
  },
  {
    key: "audi-a4-b8-se",
    manufacturer: "Audi",
    modelRange: "A4",
    bodyType: "Saloon",
    derivative: "2.0 TDI SE 4dr",
    firstYear: 2008,
    lastYear: 2015,
    views: EXTERIOR_VIEWS,
    colours: ["Black", "Silver", "gray", "white", "Blue", "Red"],
    coloursWithImages: ["Silver", "Black", "gray"],
  },
  {
    key: "audi-a4-b8-s-line",
    manufacturer: "Audi",
    modelRange: "A4",
    bodyType: "Saloon",
    derivative: "2.0 TDI S Line 4dr",
    firstYear: 2008,
    lastYear: 2015,
    views: FIVE_EXTERIOR_VIEWS,
    colours: ["Black", "Silver", "gray", "white", "Blue"],
    coloursWithImages: ["Black", "white"],
  },
  {
    key: "mercedes-benz-c-class-w206",
    manufacturer: "Mercedes-Benz",
    modelRange: "C-Class",
    bodyType: "Saloon",
    derivative: "C220d AMG Line 4dr 9G-Tronic",
    firstYear: 2021,
    views: ONEAUTO_VIEWS,
    colours: ["Black", "Silver", "Grey", "white", "Blue", "Green"],
    coloursWithImages: ["Silver", "Black", "white", "Blue"],
  },
  {
    key: "ford-mustang-s550",
    manufacturer: "Ford",
    modelRange: "Mustang",
    bodyType: "Coupe",
    derivative: "5.0 V8 GT 2dr",
    firstYear: 2015,
    lastYear: 2023,
    views: EXTERIOR_VIEWS,
    colours: ["Red", "Black", "white", "Orange", "Blue", "Yellow", "gray"],
    coloursWithImages: ["Red", "Orange", "Black"],
  },
  {
    key: "tesla-model-3",
    manufacturer: "Tesla",
    modelRange: "Model 3",
    bodyType: "Saloon",
    derivative: "Long Range AWD 4dr Auto",
    firstYear: 2019,
    views: [...EXTERIOR_VIEWS, "inside_1"],
    colours: ["white", "Black", "Grey", "Blue", "Red"],
    coloursWithImages: ["white", "Black", "Blue", "Red"],
  },
  {
    key: "ford-fiesta-mk8",
    manufacturer: "Ford",
    modelRange: "Fiesta",
    bodyType: "Hatchback",
    derivative: "1.0 EcoBoost Titanium 5dr",
    firstYear: 2017,
    lastYear: 2023,
    views: FIVE_EXTERIOR_VIEWS,
    colours: ["Blue", "Red", "white", "Black", "Silver", "gray"],
    coloursWithImages: ["Blue", "Red", "white"],
  },
  {
    key: "toyota-yaris-xp210",
    manufacturer: "Toyota",
    modelRange: "Yaris",
    bodyType: "Hatchback",
    derivative: "1.5 Hybrid Design 5dr CVT",
    firstYear: 2020,
    views: [...EXTERIOR_VIEWS, "inside_1", "inside_2"],
    colours: ["Red", "white", "Silver", "Grey", "Black", "Beige"],
    coloursWithImages: ["Red", "white", "Grey"],
  },
  {
    key: "nissan-qashqai-j12",
    manufacturer: "Nissan",
    modelRange: "Qashqai",
    bodyType: "SUV",
    derivative: "1.3 DiG-T MH N-Connecta 5dr",
    firstYear: 2021,
    views: FIVE_EXTERIOR_VIEWS,
    colours: ["Grey", "Black", "white", "Red", "Blue", "Bronze"],
    coloursWithImages: ["Grey", "Bronze", "Black"],
  },
  {
    key: "kia-sportage-nq5",
    manufacturer: "Kia",
    modelRange: "Sportage",
    bodyType: "SUV",
    derivative: "1.6 T-GDi GT-Line 5dr",
    firstYear: 2022,
    views: ONEAUTO_VIEWS,
    colours: ["Green", "gray", "Black", "white", "Blue", "Silver"],
    coloursWithImages: ["Green", "white", "gray"],
  },
];

/** A VIN or registration the emulator has on record, with the year it was made. */
export interface IdentifiedVehicle {
  year: number;
  /** Keys of `STOCK_MODELS`; more than one when the identity does not settle the derivative. */
  modelKeys: readonly string[];
}

/** Keyed by the VIN in upper case. Other parts of the project seed vehicles with these VINs. */
export const VIN_ENTRIES: ReadonlyMap<string, IdentifiedVehicle> = new Map([
  ["WBA5R1C50KAE81715", { year: 2019, modelKeys: ["bmw-3-series-g20"] }],
  ["WVWZZZCDZMW012345", { year: 2021, modelKeys: ["volkswagen-golf-mk8"] }],
  ["WAUZZZ8K9BA123456", { year: 2011, modelKeys: ["audi-a4-b8-se", "audi-a4-b8-s-line"] }],
  ["1FA6P8TH3L5100001", { year: 2020, modelKeys: ["ford-mustang-s550"] }],
  ["5YJ3E1EA4KF317001", { year: 2019, modelKeys: ["tesla-model-3"] }],
]);

/** Keyed by the registration without spaces, in upper case. */
export const VRM_ENTRIES: ReadonlyMap<string, IdentifiedVehicle> = new Map([
  ["AB19CDE", { year: 2019, modelKeys: ["bmw-3-series-g20"] }],
  ["LK70XYZ", { year: 2020, modelKeys: ["volkswagen-golf-mk8"] }],
  ["YX61ABC", { year: 2011, modelKeys: ["audi-a4-b8-se", "audi-a4-b8-s-line"] }],
  ["MT21FRD", { year: 2021, modelKeys: ["ford-fiesta-mk8"] }],
  ["KY22TES", { year: 2022, modelKeys: ["tesla-model-3"] }],
  ["SK72QSH", { year: 2022, modelKeys: ["nissan-qashqai-j12"] }],
]);

export function imageIdOf(model: StockModel, view: OneAutoView): string {
  return `${model.key}-${view.replaceAll("_", "-")}`;
}

export interface StockImage {
  model: StockModel;
  view: OneAutoView;
}

const modelsByKey = new Map(STOCK_MODELS.map((model) => [model.key, model]));
const imagesById = new Map<string, StockImage>(
  STOCK_MODELS.flatMap((model) =>
    model.views.map((view) => [imageIdOf(model, view), { model, view }] as const),
  ),
);

export function modelByKey(key: string): StockModel | undefined {
  return modelsByKey.get(key);
}

export function imageById(imageId: string): StockImage | undefined {
  return imagesById.get(imageId);
}

/** Every image id in the catalogue, in catalogue order. */
export function allImageIds(): string[] {
  return [...imagesById.keys()];
}

/** The colour served when none is asked for, or when a request falls back under ignore_issues. */
export function defaultColourOf(model: StockModel): string {
  const first = model.colours.find((colour) => model.coloursWithImages.includes(colour));
  // The catalogue invariants (tested) guarantee a photographed colour; keep a total function anyway.
  return first ?? model.coloursWithImages[0] ?? model.colours[0] ?? "white";
}
