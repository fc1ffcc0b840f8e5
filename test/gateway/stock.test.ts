import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { imageIdOf, STOCK_MODELS, VIN_ENTRIES } from "../../src/emulators/oneauto/catalogue.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { graphql } from "../gql/index.js";
import { type GatewayHarness, startGateway } from "../support/gateway.js";
import { expectNoErrors, onlyError, present } from "../support/operations.js";

/** OneAuto stock imagery through the gateway; paid calls counted at the OneAuto emulator. */

const SEARCH = ONEAUTO.search.name;
const BY_VIN = ONEAUTO.searchByVin.name;
const BY_VRM = ONEAUTO.searchByRegistration.name;
const IMAGE_FROM_ID = ONEAUTO.imageLink.name;
const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

// Fragments the operations below spread; codegen adds their definitions to those documents.
graphql(`
  fragment StockVehicleView on StockVehicle { manufacturer modelRange derivative bodyType year views colors }
`);
graphql(`
  fragment StockImageView on StockImage { imageId view color background url expiresAt }
`);

const SearchMatch = graphql(`
  query StockSearchMatch($input: StockSearchInput!) { stockSearch(input: $input) { ...StockVehicleView } }
`);

const SearchNone = graphql(`
  query StockSearchNone {
    stockSearch(input: {manufacturer: "BMW", modelRange: "3 Series", year: 1950}) { manufacturer }
  }
`);

const ByVin = graphql(`
  query StockByVin($vin: String!) { stockByVin(vin: $vin) { ...StockVehicleView } }
`);

const ByVinUnknown = graphql(`
  query StockByVinUnknown { stockByVin(vin: "WAUZZZ8K9BA000000") { manufacturer } }
`);

const ByVinNotAVin = graphql(`
  query StockByVinNotAVin { stockByVin(vin: "WAUZZZ8K9BA12345I") { year } }
`);

const ByRegistration = graphql(`
  query StockByRegistration { stockByRegistration(registration: " ab19 cde ") { ...StockVehicleView } }
`);

const ByRegistrationUnknown = graphql(`
  query StockByRegistrationUnknown { stockByRegistration(registration: "ZZ99 ZZZ") { year } }
`);

const ImageLink = graphql(`
  query StockImageLink($id: String!) {
    stockImage(imageId: $id, color: "Blue", background: TRANSPARENT) { ...StockImageView }
  }
`);

const ImageMissing = graphql(`
  query StockImageMissing { stockImage(imageId: "no-such-image") { url } }
`);

const ImageInColour = graphql(`
  query StockImageInColour($id: String!, $c: String!) { stockImage(imageId: $id, color: $c) { url } }
`);

const MissingView = graphql(`
  query StockMissingView($vin: String!) { stockByVin(vin: $vin) { views photo(view: INSIDE_3) { url } } }
`);

const SameViewAliases = graphql(`
  query StockSameViewAliases {
    stockByRegistration(registration: "AB19CDE") {
      a: photo(view: FRONT, color: "Blue", background: OPAQUE) { ...StockImageView }
      b: photo(view: FRONT, color: "blue", background: OPAQUE) { ...StockImageView }
      c: photo(view: FRONT, color: "Blue", background: OPAQUE) { url }
    }
  }
`);

const Backgrounds = graphql(`
  query StockBackgrounds {
    stockByRegistration(registration: "AB19CDE") {
      a: photo(view: REAR, background: OPAQUE) { url }
      b: photo(view: REAR, background: TRANSPARENT) { url }
      c: photo(view: REAR) { url }
    }
  }
`);

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGateway();
});
afterAll(() => h.close());
beforeEach(() => h.oneauto.control.reset());

const count = (operation: string) => h.oneauto.control.count(operation);
const model = (key: string) =>
  present(
    STOCK_MODELS.find((m) => m.key === key),
    key,
  );
const vinWithModels = (n: number) =>
  present(
    [...VIN_ENTRIES].find(([, entry]) => entry.modelKeys.length === n),
    `VIN with ${n}`,
  );

/** X-Amz-Date (yyyymmddThhmmssZ) of a signed link, as an instant. */
function amzDate(link: string): number {
  const text = new URL(link).searchParams.get("X-Amz-Date") ?? "";
  const m = present(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text), "X-Amz-Date");
  const [y, mo, d, hh, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(y, mo - 1, d, hh, mi, s);
}

describe("identification", () => {
  it("stockSearch answers the catalogue's match with its views and paint range (free: one call)", async () => {
    const bmw = model("bmw-3-series-g20");
    const result = await h.run(SearchMatch, {
      input: { manufacturer: "bmw", modelRange: "3 series", year: 2020 },
    });
    expectNoErrors(result);
    expect(result.data?.stockSearch).toEqual([
      {
        manufacturer: bmw.manufacturer,
        modelRange: bmw.modelRange,
        derivative: bmw.derivative,
        bodyType: bmw.bodyType,
        year: 2020,
        views: bmw.views.map((v) => v.toUpperCase()),
        colors: bmw.colours,
      },
    ]);
    expect(h.oneauto.control.counts()).toEqual({ [SEARCH]: 1 });
  });

  it("stockSearch answers [] when nothing matches", async () => {
    const result = await h.run(SearchNone);
    expectNoErrors(result);
    expect(result.data).toEqual({ stockSearch: [] });
  });

  it("stockByVin answers every vehicle a VIN matches (here two derivatives) with one paid call", async () => {
    const [vin, entry] = vinWithModels(2);
    const result = await h.run(ByVin, { vin: vin.toLowerCase() });
    expectNoErrors(result);
    expect(result.data?.stockByVin?.map((v) => v.derivative)).toEqual(
      entry.modelKeys.map((key) => model(key).derivative),
    );
    expect(result.data?.stockByVin?.every((v) => v.year === entry.year)).toBe(true);
    expect(h.oneauto.control.counts()).toEqual({ [BY_VIN]: 1 });
  });

  it("stockByVin answers [] for a VIN OneAuto does not know", async () => {
    const result = await h.run(ByVinUnknown);
    expectNoErrors(result);
    expect(result.data).toEqual({ stockByVin: [] });
    expect(count(BY_VIN)).toBe(1);
  });

  it("stockByVin refuses a value that is not a VIN before any paid call", async () => {
    const error = onlyError(await h.run(ByVinNotAVin));
    expect(error.message).toMatch(/vin: must be a VIN/);
    expect(count(BY_VIN)).toBe(0);
  });

  it("stockByRegistration accepts a UK plate with spaces and in lower case", async () => {
    const result = await h.run(ByRegistration);
    expectNoErrors(result);
    expect(result.data?.stockByRegistration?.map((v) => v.modelRange)).toEqual(["3 Series"]);
    expect(h.oneauto.control.counts()).toEqual({ [BY_VRM]: 1 });
  });

  it("stockByRegistration answers [] for an unknown plate", async () => {
    const result = await h.run(ByRegistrationUnknown);
    expectNoErrors(result);
    expect(result.data).toEqual({ stockByRegistration: [] });
  });
});

describe("stock image links (paid)", () => {
  it("stockImage answers a signed link that expires 7 days after its X-Amz-Date", async () => {
    const imageId = imageIdOf(model("bmw-3-series-g20"), "front");
    const result = await h.run(ImageLink, { id: imageId });
    expectNoErrors(result);
    const image = present(result.data?.stockImage);
    expect(image).toMatchObject({ imageId, view: null, color: "Blue", background: "TRANSPARENT" });
    expect(Date.parse(image.expiresAt)).toBe(amzDate(image.url) + SEVEN_DAYS_MS);
    expect(h.oneauto.control.counts()).toEqual({ [IMAGE_FROM_ID]: 1 });

    const picture = await fetch(image.url);
    expect(picture.status).toBe(200);
    expect(picture.headers.get("content-type")).toBe("image/png");
  });

  it("stockImage answers null for an image id OneAuto does not have", async () => {
    const result = await h.run(ImageMissing);
    expectNoErrors(result);
    expect(result.data).toEqual({ stockImage: null });
    expect(count(IMAGE_FROM_ID)).toBe(1);
  });

  it("a colour without a photo is an error naming the image and the colour, after one unretried call", async () => {
    const bmw = model("bmw-3-series-g20");
    const missing = present(bmw.colours.find((c) => !bmw.coloursWithImages.includes(c)));
    const imageId = imageIdOf(bmw, "front");
    const result = await h.run(ImageInColour, { id: imageId, c: missing });
    const error = onlyError(result);
    expect(error.message).toContain(`colour "${missing}"`);
    expect(error.message).toContain(imageId);
    expect(error.extensions).toMatchObject({
      code: "UPSTREAM_BAD_REQUEST",
      upstream: "oneauto",
      status: 400,
    });
    expect(result.data).toEqual({ stockImage: null });
    expect(count(IMAGE_FROM_ID)).toBe(1);
  });

  it("photo of a view the vehicle lacks is null and costs nothing", async () => {
    const [vin] = vinWithModels(2);
    const result = await h.run(MissingView, { vin });
    expectNoErrors(result);
    for (const vehicle of present(present(result.data).stockByVin)) {
      expect(vehicle.views).not.toContain("INSIDE_3");
      expect(vehicle.photo).toBeNull();
    }
    expect(count(IMAGE_FROM_ID)).toBe(0);
  });

  it("aliases asking for the same view, colour (in any case) and background cost one paid call", async () => {
    const result = await h.run(SameViewAliases);
    expectNoErrors(result);
    const [vehicle] = present(present(result.data).stockByRegistration);
    const { a, b, c } = present(vehicle);
    expect(present(a).view).toBe("FRONT");
    expect(present(b).url).toBe(present(a).url);
    expect(present(c).url).toBe(present(a).url);
    expect(count(IMAGE_FROM_ID)).toBe(1);
  });

  it("different backgrounds are different links, each paid once", async () => {
    const result = await h.run(Backgrounds);
    expectNoErrors(result);
    expect(count(IMAGE_FROM_ID)).toBe(3);
  });
});
