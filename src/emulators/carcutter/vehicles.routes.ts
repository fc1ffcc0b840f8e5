import { Hono } from "hono";
import type { z } from "zod";
import {
  CARCUTTER,
  VEHICLE_DETAIL_FIELDS,
  VEHICLE_FIELDS,
  type VehicleDto,
  type VehicleField,
  vehicleListRequestDto,
} from "../../upstreams/carcutter/dto.js";
import { ApiError, badRequest, NO_SUCH_VEHICLE_MESSAGE } from "./errors.js";
import { preview, queryText, readForm, readJson } from "./input.js";
import { type CarCutterState, type VehicleRecord, vehicleDtoOf } from "./state.js";

/**
 * Vehicle records. Choices the contract leaves open:
 * - only an upsert (→ `new`) and a delete (→ `deleted`) change `app_status`; seeded vehicles may
 *   be `active`; upserting a deleted vehicle brings it back as `new`;
 * - deleting a deleted vehicle answers it unchanged (same timestamp);
 * - list filters compare the field's text with each value's text; a `null` value matches an unset
 *   field; the list is always sorted by last update (default DESC), ties by vehicle_id ascending,
 *   and includes deleted vehicles;
 * - the shotlist (status `new`) is ordered like the list's default, latest update first.
 */

export interface VehicleRoutesDeps {
  state: CarCutterState;
  customer: string;
}

export function vehicleRoutes(deps: VehicleRoutesDeps): Hono {
  const { state } = deps;
  const app = new Hono();

  app.on(CARCUTTER.upsertVehicle.method, CARCUTTER.upsertVehicle.path, async (c) => {
    const form = await readForm(c);
    const vehicleId = form.text("vehicle_id", { required: true }) ?? "";
    const details: VehicleRecord["details"] = {};
    for (const field of VEHICLE_DETAIL_FIELDS) {
      const value = form.text(field);
      if (value !== undefined) details[field] = value;
    }
    const existing = state.vehicles.get(vehicleId);
    const record: VehicleRecord = {
      vehicleId,
      appStatus: "new",
      updatedAt: state.clock.now(),
      details: { ...existing?.details, ...details },
    };
    state.vehicles.set(vehicleId, record);
    return c.json({ vehicle: vehicleDtoOf(record) });
  });

  app.on(CARCUTTER.vehicle.method, CARCUTTER.vehicle.path, (c) => {
    const record = findVehicle(state, queryText(c, "vehicle_id", { required: true }) ?? "");
    return c.json({ vehicle: vehicleDtoOf(record) });
  });

  app.on(CARCUTTER.deleteVehicle.method, CARCUTTER.deleteVehicle.path, (c) => {
    const record = findVehicle(state, queryText(c, "vehicle_id", { required: true }) ?? "");
    if (record.appStatus !== "deleted") {
      record.appStatus = "deleted";
      record.updatedAt = state.clock.now();
    }
    return c.json({ vehicle: vehicleDtoOf(record) });
  });

  app.on(CARCUTTER.shotlist.method, CARCUTTER.shotlist.path, (c) => {
    const vehicles = sortByLastUpdate([...state.vehicles.values()], "DESC")
      .filter((v) => v.appStatus === "new")
      .map(vehicleDtoOf);
    return c.json({ vehicles });
  });

  app.on(CARCUTTER.listVehicles.method, CARCUTTER.listVehicles.path, async (c) => {
    const parsed = vehicleListRequestDto.safeParse(await readJson(c));
    if (!parsed.success) throw badRequest(describeIssues(parsed.error));
    const request = parsed.data;
    if (request.customer !== deps.customer) {
      throw new ApiError(
        403,
        `customer '${request.customer.slice(0, 80)}' is not accessible with this token`,
      );
    }
    const filters = (request.filters ?? []).map((filter, i) => ({
      column: checkColumn(filter.column, i),
      values: new Set(filter.values.map((v) => (v === null ? null : String(v)))),
    }));
    const matching = [...state.vehicles.values()].filter((record) => {
      const dto = vehicleDtoOf(record);
      return filters.every((f) => f.values.has(fieldText(dto, f.column)));
    });
    const sorted = sortByLastUpdate(matching, request.sort_direction ?? "DESC");
    const offset = request.offset ?? 0;
    const page = sorted.slice(
      offset,
      request.limit === undefined ? undefined : offset + request.limit,
    );
    return c.json(page.map(vehicleDtoOf));
  });

  return app;
}

function findVehicle(state: CarCutterState, vehicleId: string): VehicleRecord {
  const record = state.vehicles.get(vehicleId);
  if (!record) throw new ApiError(404, NO_SUCH_VEHICLE_MESSAGE);
  return record;
}

function sortByLastUpdate(records: VehicleRecord[], direction: "ASC" | "DESC"): VehicleRecord[] {
  const sign = direction === "ASC" ? 1 : -1;
  return records.sort(
    (a, b) =>
      sign * (a.updatedAt - b.updatedAt) ||
      (a.vehicleId < b.vehicleId ? -1 : a.vehicleId > b.vehicleId ? 1 : 0),
  );
}

function checkColumn(column: string, index: number): VehicleField {
  const match = VEHICLE_FIELDS.find((f) => f === column);
  if (match === undefined) {
    throw badRequest(
      `filters[${index}].column: must be one of ${VEHICLE_FIELDS.join(", ")}, got ${preview(column)}`,
    );
  }
  return match;
}

function fieldText(dto: VehicleDto, column: VehicleField): string | null {
  return dto[column] ?? null;
}

/** Every problem at once, each as `path: rule`, e.g. `filters[0].values: expected array`. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => {
      const path = issue.path
        .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
        .join("");
      return `${path === "" ? "body" : path}: ${issue.message}`;
    })
    .join("; ");
}
