import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  failureEnvelopeDto,
  identificationResponseDto,
  imageSearchResponseDto,
} from "../../src/upstreams/oneauto/dto.js";
import { type OneAutoHarness, startOneAuto } from "../support/emulators.js";

let h: OneAutoHarness;
beforeAll(async () => {
  h = await startOneAuto();
});
afterAll(() => h.close());

const search = (query: Record<string, string>) =>
  h.api(`/vehicleimagery/imagesearch?${new URLSearchParams(query)}`);
const byVin = (vin: string) =>
  h.api(
    `/vehicleimagery/imagesearchfromvin/?${new URLSearchParams({ vehicle_identification_number: vin })}`,
  );
const byVrm = (vrm: string) =>
  h.api(
    `/vehicleimagery/imagesearchfromvrm/?${new URLSearchParams({ vehicle_registration_mark: vrm })}`,
  );

async function failure(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  return failureEnvelopeDto.parse(await res.json()).error;
}

describe("OneAuto emulator authentication", () => {
  it("refuses a call without x-api-key with 403 in the envelope", async () => {
    const res = await h.api(
      "/vehicleimagery/imagesearchfromvrm/?vehicle_registration_mark=AB19CDE",
      {
        key: null,
      },
    );
    expect(await failure(res, 403)).toBe("Invalid or missing API key");
  });

  it("refuses a wrong key with 403, even on an unknown path", async () => {
    expect(await failure(await h.api("/vehicleimagery/imagesearch", { key: "wrong" }), 403)).toBe(
      "Invalid or missing API key",
    );
    expect(await failure(await h.api("/nowhere", { key: "wrong" }), 403)).toBe(
      "Invalid or missing API key",
    );
  });

  it("answers an unknown path with 404 and a non-GET call with 405, both in the envelope", async () => {
    await failure(await h.api("/vehicleimagery/nowhere"), 404);
    // The identification paths end with a slash; without it there is no such operation.
    await failure(
      await h.api("/vehicleimagery/imagesearchfromvin?vehicle_identification_number=X"),
      404,
    );
    const post = await h.api("/vehicleimagery/imagefromid?image_id=x", { method: "POST" });
    expect(await failure(post, 405)).toContain("POST");
    expect(post.headers.get("allow")).toBe("GET");
  });
});

describe("OneAuto emulator global image search", () => {
  it("answers matching vehicles in the documented shape, with the requested year as a number", async () => {
    const res = await search({
      manufacturer_desc: "BMW",
      model_range_desc: "3 Series",
      manufactured_year: "2021",
    });
    expect(res.status).toBe(200);
    const body = imageSearchResponseDto.parse(await res.json());
    expect(body.result).toHaveLength(1);
    const [bmw] = body.result;
    expect(bmw).toMatchObject({
      manufacturer_desc: "BMW",
      model_range_desc: "3 Series",
      body_type_desc: "Saloon",
      derivative_desc: "320d M Sport 4dr Step Auto",
      manufactured_year: 2021,
    });
    expect(Object.keys(bmw?.image_ids ?? {})).toHaveLength(11);
    expect(bmw?.image_ids.front).toBe("bmw-3-series-g20-front");
    expect(bmw?.colour_desc_list).toContain("gray");
  });

  it("matches case-insensitively and ignores surrounding whitespace", async () => {
    const res = await search({
      manufacturer_desc: "  volkswagen ",
      model_range_desc: "GOLF",
      manufactured_year: " 2021 ",
    });
    const body = imageSearchResponseDto.parse(await res.json());
    expect(body.result.map((v) => v.body_type_desc).sort()).toEqual(["Estate", "Hatchback"]);
  });

  it("narrows the match by body type and by derivative", async () => {
    const estate = await search({
      manufacturer_desc: "Volkswagen",
      model_range_desc: "Golf",
      manufactured_year: "2021",
      body_type_desc: "estate",
    });
    const estates = imageSearchResponseDto.parse(await estate.json()).result;
    expect(estates.map((v) => v.body_type_desc)).toEqual(["Estate"]);
    expect(Object.keys(estates[0]?.image_ids ?? {})).toHaveLength(5);

    const sLine = await search({
      manufacturer_desc: "Audi",
      model_range_desc: "A4",
      manufactured_year: "2012",
      derivative_desc: "2.0 tdi s line 4dr",
    });
    const sLines = imageSearchResponseDto.parse(await sLine.json()).result;
    expect(sLines.map((v) => v.derivative_desc)).toEqual(["2.0 TDI S Line 4dr"]);
  });

  it("answers an empty array, still 200, when nothing matches", async () => {
    const queries: Record<string, string>[] = [
      { manufacturer_desc: "Audi", model_range_desc: "A4", manufactured_year: "2016" },
      { manufacturer_desc: "Audi", model_range_desc: "A4", manufactured_year: "2007" },
      { manufacturer_desc: "Lada", model_range_desc: "Riva", manufactured_year: "1990" },
      // The Golf is still built, but not in a year that has not happened on the emulator's clock.
      { manufacturer_desc: "Volkswagen", model_range_desc: "Golf", manufactured_year: "2027" },
      {
        manufacturer_desc: "BMW",
        model_range_desc: "3 Series",
        manufactured_year: "2020",
        body_type_desc: "Estate",
      },
    ];
    for (const query of queries) {
      const res = await search(query);
      expect(res.status).toBe(200);
      expect(imageSearchResponseDto.parse(await res.json()).result).toEqual([]);
    }
  });

  it("names each missing required parameter in a 400", async () => {
    const full = {
      manufacturer_desc: "BMW",
      model_range_desc: "3 Series",
      manufactured_year: "2020",
    };
    for (const name of Object.keys(full)) {
      const query = Object.fromEntries(Object.entries(full).filter(([k]) => k !== name));
      expect(await failure(await search(query), 400)).toContain(name);
      expect(await failure(await search({ ...query, [name]: "  " }), 400)).toContain(name);
    }
  });

  it("refuses a manufactured_year that is not an integer", async () => {
    for (const year of ["2020.5", "twenty", "1e3", "2020x"]) {
      const res = await search({
        manufacturer_desc: "BMW",
        model_range_desc: "3 Series",
        manufactured_year: year,
      });
      expect(await failure(res, 400)).toContain("manufactured_year");
    }
  });
});

describe("OneAuto emulator search by VIN", () => {
  it("answers the vehicle with the VIN echoed as given", async () => {
    const res = await byVin(" wba5r1c50kae81715 ");
    expect(res.status).toBe(200);
    const { result } = identificationResponseDto.parse(await res.json());
    expect(result.input_parameters).toEqual({
      vehicle_identification_number: " wba5r1c50kae81715 ",
    });
    expect(result.images).toHaveLength(1);
    expect(result.images[0]).toMatchObject({
      manufacturer_desc: "BMW",
      model_range_desc: "3 Series",
      manufactured_year: 2019,
    });
  });

  it("answers both derivatives when the VIN does not settle which one it is", async () => {
    const res = await byVin("WAUZZZ8K9BA123456");
    const { result } = identificationResponseDto.parse(await res.json());
    expect(result.images.map((v) => v.derivative_desc)).toEqual([
      "2.0 TDI SE 4dr",
      "2.0 TDI S Line 4dr",
    ]);
    const [se, sLine] = result.images;
    expect(se?.image_ids.front).not.toBe(sLine?.image_ids.front);
  });

  it("answers 204 with an empty body for an unknown VIN", async () => {
    const res = await byVin("WBA00000000000000");
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
  });

  it("names the missing VIN in a 400", async () => {
    const res = await h.api("/vehicleimagery/imagesearchfromvin/");
    expect(await failure(res, 400)).toContain("vehicle_identification_number");
  });
});

describe("OneAuto emulator search by registration", () => {
  it("finds a registration written with spaces and in lower case", async () => {
    for (const vrm of ["AB19 CDE", "ab19cde", " ab 19 cde "]) {
      const res = await byVrm(vrm);
      expect(res.status).toBe(200);
      const { result } = identificationResponseDto.parse(await res.json());
      expect(result.input_parameters).toEqual({ vehicle_registration_mark: vrm });
      expect(result.images.map((v) => v.model_range_desc)).toEqual(["3 Series"]);
    }
  });

  it("answers 204 with an empty body for an unknown registration", async () => {
    const res = await byVrm("ZZ99ZZZ");
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
  });

  it("names the missing registration in a 400", async () => {
    const res = await h.api("/vehicleimagery/imagesearchfromvrm/?vehicle_registration_mark=");
    expect(await failure(res, 400)).toContain("vehicle_registration_mark");
  });
});
