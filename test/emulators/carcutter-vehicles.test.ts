import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  parseCarCutterTimestamp,
  type VehicleDto,
  vehicleDto,
} from "../../src/upstreams/carcutter/dto.js";
import { CUSTOMER } from "../support/credentials.js";
import {
  type CarCutterHarness,
  type ErrorEnvelope,
  form,
  startCarCutter,
} from "../support/emulators.js";

let h: CarCutterHarness;
beforeEach(async () => {
  h = await startCarCutter();
});
afterEach(async () => {
  await h.close();
});

const upsert = async (fields: Record<string, string>) =>
  h.callJson<{ vehicle: VehicleDto } & ErrorEnvelope>("POST", "/vehicle/submission", {
    form: form(fields),
  });

const getVehicle = (vehicleId: string) =>
  h.callJson<{ vehicle: VehicleDto } & ErrorEnvelope>("GET", "/vehicle/status", {
    query: { vehicle_id: vehicleId },
  });

const list = (body: unknown) =>
  h.callJson<VehicleDto[] & ErrorEnvelope>("POST", "/vehicle/list", { json: body });

const ids = (vehicles: readonly VehicleDto[]) => vehicles.map((v) => v.vehicle_id);

describe("vehicle upsert", () => {
  it("creates a vehicle as new, stamped with the clock in CarCutter's format, unset fields left out", async () => {
    const res = await upsert({
      vehicle_id: "WAUZZZ8K9BA123456",
      vehicle_manufacturer: "Audi",
      vehicle_model: "A4",
      vehicle_color: "Moroblau Metallic",
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      vehicle: {
        vehicle_id: "WAUZZZ8K9BA123456",
        app_status: "new",
        app_status_updated: "2026/01/15, 09:00:00",
        vehicle_manufacturer: "Audi",
        vehicle_model: "A4",
        vehicle_color: "Moroblau Metallic",
      },
    });
    expect(vehicleDto.safeParse(res.body.vehicle).success).toBe(true);
  });

  it("merges an update onto the record, keeps omitted fields, and resets the status to new", async () => {
    await upsert({ vehicle_id: "V1", vehicle_manufacturer: "BMW", vehicle_color: "Schwarz" });
    await h.call("DELETE", "/vehicle/delete", { query: { vehicle_id: "V1" } });
    h.clock.advance(61_000);
    const res = await upsert({ vehicle_id: "V1", vehicle_color: "Alpinweiß", vehicle_lot: "A-3" });
    expect(res.body.vehicle).toEqual({
      vehicle_id: "V1",
      app_status: "new",
      app_status_updated: "2026/01/15, 09:01:01",
      vehicle_manufacturer: "BMW",
      vehicle_color: "Alpinweiß",
      vehicle_lot: "A-3",
    });
    expect((await getVehicle("V1")).body.vehicle).toEqual(res.body.vehicle);
  });

  it("accepts every documented field", async () => {
    const fields = {
      vehicle_id: "V2",
      vehicle_manufacturer: "Mercedes-Benz",
      vehicle_model: "C-Class",
      vehicle_model_ext: "C 220 d",
      vehicle_color: "Obsidianschwarz Metallic",
      vehicle_location: "München Nord",
      vehicle_lot: "D-02",
      custom_reference: "STK-1006",
      suggested_guideline_id: "guideline-2",
    };
    const res = await upsert(fields);
    expect(res.body.vehicle).toMatchObject(fields);
  });

  it("refuses a missing vehicle_id, an empty optional field, and a non-multipart body", async () => {
    expect((await upsert({ vehicle_model: "Golf" })).body).toEqual({
      code: 400,
      message: "vehicle_id is required",
    });
    expect((await upsert({ vehicle_id: "V3", vehicle_lot: "" })).body.message).toBe(
      "vehicle_lot: sent empty; leave non-mandatory parameters out of the request",
    );
    const json = await h.callJson<ErrorEnvelope>("POST", "/vehicle/submission", {
      json: { vehicle_id: "V3" },
    });
    expect(json.status).toBe(400);
    expect((await getVehicle("V3")).status).toBe(404);
  });
});

describe("vehicle status", () => {
  it("answers 404 no such vehicle for an unknown id and 400 without vehicle_id", async () => {
    expect((await getVehicle("NOPE")).body).toEqual({ code: 404, message: "no such vehicle" });
    const missing = await h.callJson<ErrorEnvelope>("GET", "/vehicle/status");
    expect(missing.body).toEqual({ code: 400, message: "vehicle_id is required" });
    const empty = await getVehicle("");
    expect(empty.status).toBe(400);
  });
});

describe("vehicle deletion", () => {
  it("soft-deletes: the vehicle stays readable with status deleted and a new timestamp", async () => {
    await upsert({ vehicle_id: "V1", vehicle_model: "Golf" });
    h.clock.advance(5000);
    const res = await h.callJson<{ vehicle: VehicleDto }>("DELETE", "/vehicle/delete", {
      query: { vehicle_id: "V1" },
    });
    expect(res.body.vehicle).toEqual({
      vehicle_id: "V1",
      app_status: "deleted",
      app_status_updated: "2026/01/15, 09:00:05",
      vehicle_model: "Golf",
    });
    expect((await getVehicle("V1")).body.vehicle.app_status).toBe("deleted");
  });

  it("answers a second deletion with the vehicle unchanged", async () => {
    await upsert({ vehicle_id: "V1" });
    await h.call("DELETE", "/vehicle/delete", { query: { vehicle_id: "V1" } });
    h.clock.advance(5000);
    const again = await h.callJson<{ vehicle: VehicleDto }>("DELETE", "/vehicle/delete", {
      query: { vehicle_id: "V1" },
    });
    expect(again.body.vehicle.app_status_updated).toBe("2026/01/15, 09:00:00");
  });

  it("answers 404 for an unknown vehicle", async () => {
    const res = await h.callJson<ErrorEnvelope>("DELETE", "/vehicle/delete", {
      query: { vehicle_id: "NOPE" },
    });
    expect(res.body).toEqual({ code: 404, message: "no such vehicle" });
  });
});

describe("vehicle list", () => {
  beforeEach(async () => {
    // Updated one minute apart, in this order; D and E share a timestamp.
    const vehicles: Record<string, string>[] = [
      { vehicle_id: "A", vehicle_manufacturer: "BMW", vehicle_color: "Schwarz" },
      { vehicle_id: "B", vehicle_manufacturer: "BMW", vehicle_color: "Alpinweiß" },
      { vehicle_id: "C", vehicle_manufacturer: "Audi", vehicle_color: "Schwarz" },
      { vehicle_id: "E", vehicle_manufacturer: "Ford" },
      { vehicle_id: "D", vehicle_manufacturer: "Ford", vehicle_lot: "L1" },
    ];
    for (const v of vehicles) {
      if (v.vehicle_id !== "D") h.clock.advance(60_000);
      await upsert(v);
    }
  });

  it("requires customer, naming it", async () => {
    const res = await list({});
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^customer: /);
  });

  it("refuses another customer with 403", async () => {
    const res = await list({ customer: "someone-else" });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      code: 403,
      message: "customer 'someone-else' is not accessible with this token",
    });
  });

  it("answers a bare array sorted by last update, latest first by default, ties by vehicle_id", async () => {
    const res = await list({ customer: CUSTOMER });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect(ids(res.body)).toEqual(["D", "E", "C", "B", "A"]);
  });

  it("sorts ascending when asked, and stamps agree with the order", async () => {
    const res = await list({ customer: CUSTOMER, sort_by: "last_update", sort_direction: "ASC" });
    expect(ids(res.body)).toEqual(["A", "B", "C", "D", "E"]);
    const times = res.body.map(
      (v) => parseCarCutterTimestamp(v.app_status_updated ?? "")?.getTime() ?? NaN,
    );
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("ANDs filter pairs and ORs the values within a pair", async () => {
    const both = await list({
      customer: CUSTOMER,
      filters: [
        { column: "vehicle_manufacturer", values: ["BMW"] },
        { column: "vehicle_color", values: ["Schwarz"] },
      ],
    });
    expect(ids(both.body)).toEqual(["A"]);
    const either = await list({
      customer: CUSTOMER,
      filters: [{ column: "vehicle_manufacturer", values: ["Audi", "Ford"] }],
      sort_direction: "ASC",
    });
    expect(ids(either.body)).toEqual(["C", "D", "E"]);
    const none = await list({
      customer: CUSTOMER,
      filters: [{ column: "vehicle_manufacturer", values: [] }],
    });
    expect(none.body).toEqual([]);
  });

  it("matches a null value against an unset field", async () => {
    const res = await list({
      customer: CUSTOMER,
      filters: [{ column: "vehicle_lot", values: [null] }],
      sort_direction: "ASC",
    });
    expect(ids(res.body)).toEqual(["A", "B", "C", "E"]);
  });

  it("refuses an unknown filter column, naming the allowed ones", async () => {
    const res = await list({ customer: CUSTOMER, filters: [{ column: "price", values: [1] }] });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(
      'filters[0].column: must be one of vehicle_id, app_status, app_status_updated, vehicle_manufacturer, vehicle_model, vehicle_model_ext, vehicle_color, vehicle_location, vehicle_lot, custom_reference, suggested_guideline_id, got "price"',
    );
  });

  it("applies offset, then limit", async () => {
    const page = await list({ customer: CUSTOMER, sort_direction: "ASC", offset: 1, limit: 2 });
    expect(ids(page.body)).toEqual(["B", "C"]);
    const past = await list({ customer: CUSTOMER, offset: 10 });
    expect(past.body).toEqual([]);
  });

  it("refuses invalid paging and sorting, naming the field", async () => {
    expect((await list({ customer: CUSTOMER, limit: 0 })).body.message).toMatch(/^limit: /);
    expect((await list({ customer: CUSTOMER, offset: -1 })).body.message).toMatch(/^offset: /);
    expect((await list({ customer: CUSTOMER, sort_by: "price" })).body.message).toMatch(
      /^sort_by: /,
    );
    expect(
      (await list({ customer: CUSTOMER, filters: [{ column: "vehicle_id" }] })).body.message,
    ).toMatch(/^filters\[0\]\.values: /);
  });

  it("refuses a body that is not JSON, or not sent as JSON", async () => {
    const broken = await h.callJson<ErrorEnvelope>("POST", "/vehicle/list", {
      body: '{"customer": ',
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.message).toMatch(/^request body is not valid JSON/);
    const text = await h.callJson<ErrorEnvelope>("POST", "/vehicle/list", {
      body: JSON.stringify({ customer: CUSTOMER }),
      headers: { "content-type": "text/plain" },
    });
    expect(text.body.message).toBe("request body must be application/json, got text/plain");
  });

  it("includes deleted vehicles, which a filter on app_status can pick out", async () => {
    await h.call("DELETE", "/vehicle/delete", { query: { vehicle_id: "B" } });
    const all = await list({ customer: CUSTOMER });
    expect(ids(all.body)).toContain("B");
    const deleted = await list({
      customer: CUSTOMER,
      filters: [{ column: "app_status", values: ["deleted"] }],
    });
    expect(ids(deleted.body)).toEqual(["B"]);
  });
});

describe("shotlist", () => {
  it("lists exactly the vehicles with status new", async () => {
    await upsert({ vehicle_id: "A" });
    h.clock.advance(1000);
    await upsert({ vehicle_id: "B" });
    await h.call("DELETE", "/vehicle/delete", { query: { vehicle_id: "A" } });
    const res = await h.callJson<{ vehicles: VehicleDto[] }>("GET", "/vehicle/shotlist");
    expect(res.status).toBe(200);
    expect(ids(res.body.vehicles)).toEqual(["B"]);
  });
});
