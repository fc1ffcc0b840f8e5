import { resolveOffsetConnection } from "@pothos/plugin-relay";
import { z } from "zod";
import { brandedLoadOne, builder } from "../../builder.js";
import {
  callsTo,
  type FieldCost,
  VEHICLE_PAGE_DEFAULT,
  VEHICLE_PAGE_MAX,
  VEHICLES_TO_SHOOT_ESTIMATE,
} from "../../cost/cost-estimate.js";
import { InputValidationError, NotFoundError } from "../../domain-errors.js";
import { withoutNulls } from "../../nullable-input.js";
import { selectsField } from "../../selection.js";
import type { VehicleField, VehicleListRequestDto } from "../../upstreams/carcutter/dto.js";
import { entityKey } from "../entity-key.js";
import { type VEHICLE_STATUSES, type Vehicle, vehicleFromDto } from "./vehicle.model.js";

export const VehicleStatusEnum = builder.enumType("VehicleStatus", {
  description: "Where a vehicle stands in CarCutter's shooting workflow.",
  values: {
    NEW: { description: "Created or updated and waiting to be photographed (on the shot list)." },
    ACTIVE: { description: "Photographed and in use." },
    DELETED: { description: "Deleted (CarCutter deletes softly; the record stays readable)." },
    UNKNOWN: { description: "A status CarCutter added after this gateway was built." },
  } satisfies Record<(typeof VEHICLE_STATUSES)[number], { description: string }>,
});

export const VehicleRef = builder.objectRef<Vehicle>("Vehicle");

/** The descriptive fields CarCutter keeps as free text, each null when not set. */
const VEHICLE_DETAIL_DESCRIPTIONS = {
  manufacturer: "Make, e.g. Audi.",
  model: "Model, e.g. A4.",
  modelExtension: "Model detail, e.g. B8 2.0 TDI.",
  color: "Paint as free text, e.g. Moroblau Metallic.",
  location: "Where the vehicle stands.",
  lot: "Parking lot or bay.",
  customReference: "The dealer's own reference, e.g. a stock number.",
  suggestedGuidelineId: "Shooting guideline CarCutter suggests for this vehicle.",
} as const satisfies Partial<Record<keyof Vehicle, string>>;

builder.node(VehicleRef, {
  description: "A vehicle record at CarCutter. Its vehicleId is usually the VIN.",
  // What resolving one representation of it in `_entities` costs (subgraph mode).
  extensions: { cost: callsTo("carcutter") },
  id: { resolve: (vehicle) => vehicle.vehicleId, description: "Global id of the vehicle." },
  loadOne: brandedLoadOne("Vehicle", (vehicleId: string, ctx) =>
    ctx.loaders.vehicleById.load(vehicleId),
  ),
  fields: (t) => ({
    vehicleId: t.exposeString("vehicleId", {
      description: "CarCutter's id for the vehicle; usually the VIN.",
    }),
    status: t.expose("status", {
      type: VehicleStatusEnum,
      nullable: true,
      description: "Workflow status; null when CarCutter did not say.",
    }),
    statusUpdatedAt: t.expose("statusUpdatedAt", {
      type: "DateTime",
      nullable: true,
      description:
        "When the status last changed. CarCutter publishes no time zone for this value; it is read as UTC.",
    }),
    ...Object.fromEntries(
      Object.entries(VEHICLE_DETAIL_DESCRIPTIONS).map(([name, description]) => [
        name,
        t.exposeString(name as keyof typeof VEHICLE_DETAIL_DESCRIPTIONS, {
          nullable: true,
          description,
        }),
      ]),
    ),
  }),
});

/** CarCutter's list has no documented page limit; this keeps one page's fan-out bounded. */
export const MAX_PAGE_SIZE = 100;

const vehicleId = z.string().trim().min(1, "must not be empty").max(128, "at most 128 characters");

/**
 * Subgraph mode (FEDERATION=true): other subgraphs reference and extend a vehicle by its id, and
 * the router's representations load through the request's vehicle loader, like `vehicle(vehicleId:)`.
 */
builder.asEntity(VehicleRef, {
  key: builder.selection<{ vehicleId: string }>("vehicleId"),
  resolveReference: async (ref, ctx) =>
    ctx.loaders.vehicleById.load(entityKey("Vehicle", "vehicleId", vehicleId, ref.vehicleId)),
});

const optionalText = z.string().min(1, "must not be empty; omit the field instead").max(4096);

const OrderDirection = builder.enumType("OrderDirection", {
  description: "Sort direction.",
  values: {
    ASC: { description: "Oldest first." },
    DESC: { description: "Newest first." },
  },
});

const VehicleOrderField = builder.enumType("VehicleOrderField", {
  description: "What vehicles can be sorted by (CarCutter sorts by last update only).",
  values: { LAST_UPDATE: { description: "The time of the last status change." } },
});

const VehicleOrder = builder.inputType("VehicleOrder", {
  description: "Sort order of a vehicle list.",
  fields: (t) => ({
    field: t.field({
      type: VehicleOrderField,
      defaultValue: "LAST_UPDATE",
      description: "Sort key.",
    }),
    direction: t.field({ type: OrderDirection, defaultValue: "DESC", description: "Direction." }),
  }),
});

const filterValues = (t: PothosInputFieldBuilder, description: string) =>
  t.stringList({ required: false, description, validate: z.array(z.string().max(4096)).max(100) });
type PothosInputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

const IGNORING_CASE =
  "Case is ignored for the common spellings: CarCutter matches exactly, so each value is asked for as given, in lower case, in UPPER CASE and in Title Case (e.g. bmw finds BMW, mercedes-benz finds Mercedes-Benz; another mixed case such as McLaren must be given as stored).";

const VehicleFilter = builder.inputType("VehicleFilter", {
  description:
    "Vehicles matching every given field; within a field, any of the values. Makes, models and colours ignore case (see each); other values match exactly.",
  fields: (t) => ({
    status: t.field({
      type: [VehicleStatusEnum],
      required: false,
      description: "Any of these statuses.",
    }),
    manufacturer: filterValues(t, `Any of these makes. ${IGNORING_CASE}`),
    model: filterValues(t, `Any of these models. ${IGNORING_CASE}`),
    color: filterValues(t, `Any of these colours. ${IGNORING_CASE}`),
    location: filterValues(t, "Any of these locations."),
    lot: filterValues(t, "Any of these lots."),
    customReference: filterValues(t, "Any of these references."),
  }),
});

const FILTER_COLUMNS = {
  manufacturer: "vehicle_manufacturer",
  model: "vehicle_model",
  color: "vehicle_color",
  location: "vehicle_location",
  lot: "vehicle_lot",
  customReference: "custom_reference",
} as const satisfies Record<string, VehicleField>;

type VehicleFilterValue = {
  status?: readonly (typeof VEHICLE_STATUSES)[number][] | null | undefined;
} & Partial<Record<keyof typeof FILTER_COLUMNS, readonly string[] | null | undefined>>;

function filtersOf(
  filter: VehicleFilterValue | null | undefined,
): VehicleListRequestDto["filters"] {
  if (!filter) return undefined;
  const filters: NonNullable<VehicleListRequestDto["filters"]> = [];
  if (filter.status?.length) {
    filters.push({ column: "app_status", values: filter.status.map((s) => s.toLowerCase()) });
  }
  for (const [field, column] of Object.entries(FILTER_COLUMNS)) {
    const values = filter[field as keyof typeof FILTER_COLUMNS];
    if (!values?.length) continue;
    const spellings = CASE_INSENSITIVE.has(field) ? values.flatMap(spellingsOf) : values;
    filters.push({ column, values: [...new Set(spellings)] });
  }
  return filters.length > 0 ? filters : undefined;
}

/**
 * Names people type in any case. CarCutter compares filter values exactly and offers no other
 * match, so the gateway asks for the spellings a record is likely stored in; within a column the
 * values are alternatives, so this costs no extra call.
 */
const CASE_INSENSITIVE: ReadonlySet<string> = new Set(["manufacturer", "model", "color"]);

function spellingsOf(value: string): string[] {
  const lower = value.toLowerCase();
  const title = lower.replace(
    /(^|[\s\-/.])(\p{L})/gu,
    (_, before: string, letter: string) => `${before}${letter.toUpperCase()}`,
  );
  return [value, lower, value.toUpperCase(), title];
}

builder.queryFields((t) => ({
  vehicle: t.field({
    extensions: { cost: callsTo("carcutter") },
    type: VehicleRef,
    nullable: true,
    description: "One vehicle by its CarCutter id (usually the VIN); null when there is none.",
    args: {
      vehicleId: t.arg.string({ description: "CarCutter vehicle id.", validate: vehicleId }),
    },
    resolve: (_, args, ctx, info) => {
      // Reading features needs only the id, so start it beside the vehicle instead of after it:
      // a vehicle page then costs one round trip of latency, not two. A failure surfaces where
      // Vehicle.features loads the same (cached) promise.
      if (selectsField(info, "features")) {
        ctx.loaders.featuresByVehicleId.load(args.vehicleId).catch(() => undefined);
      }
      return ctx.loaders.vehicleById.load(args.vehicleId);
    },
  }),
  vehicles: t.connection(
    {
      type: VehicleRef,
      nullable: true,
      // A page multiplies whatever paid fields are selected on its vehicles.
      extensions: {
        cost: {
          calls: { upstream: "carcutter", each: 1 },
          listSize: {
            assumedSize: VEHICLE_PAGE_DEFAULT,
            slicingArguments: ["first", "last"],
            max: VEHICLE_PAGE_MAX,
          },
        } satisfies FieldCost,
      },
      description:
        "Vehicles of the configured CarCutter customer, newest update first by default. Pages of at most 100.",
      args: {
        filter: t.arg({ type: VehicleFilter, required: false, description: "Which vehicles." }),
        orderBy: t.arg({ type: VehicleOrder, required: false, description: "Sort order." }),
      },
      resolve: (_, args, ctx) => {
        // A page larger than the limit is refused rather than silently cut short.
        for (const name of ["first", "last"] as const) {
          const size = args[name];
          if (size !== null && size !== undefined && size > MAX_PAGE_SIZE) {
            throw new InputValidationError([
              { path: [name], message: `at most ${MAX_PAGE_SIZE} vehicles per page, got ${size}` },
            ]);
          }
        }
        return resolveOffsetConnection(
          { args, defaultSize: 20, maxSize: MAX_PAGE_SIZE },
          async ({ limit, offset }) => {
            const filters = filtersOf(args.filter);
            const dtos = await ctx.carcutter.listVehicles({
              filters,
              sort_by: "last_update",
              sort_direction: args.orderBy?.direction ?? "DESC",
              limit,
              offset,
            });
            const vehicles = dtos.map(vehicleFromDto);
            for (const vehicle of vehicles)
              ctx.loaders.vehicleById.prime(vehicle.vehicleId, vehicle);
            return vehicles;
          },
        );
      },
    },
    { name: "VehicleConnection", description: "A page of vehicles." },
    { name: "VehicleEdge", description: "A vehicle in a page, with its cursor." },
  ),
  vehiclesToShoot: t.field({
    type: [VehicleRef],
    nullable: true,
    extensions: {
      cost: callsTo("carcutter", { listSize: { assumedSize: VEHICLES_TO_SHOOT_ESTIMATE } }),
    },
    description:
      "Every vehicle waiting to be photographed (status NEW). CarCutter does not page it.",
    resolve: async (_, __, ctx) => {
      const vehicles = (await ctx.carcutter.shotlist()).map(vehicleFromDto);
      for (const vehicle of vehicles) ctx.loaders.vehicleById.prime(vehicle.vehicleId, vehicle);
      return vehicles;
    },
  }),
}));

const UpsertVehicleInput = builder.inputType("UpsertVehicleInput", {
  description:
    "Creates a vehicle, or updates the given fields of an existing one (which resets its status to NEW).",
  fields: (t) => ({
    vehicleId: t.string({ description: "Use the VIN where there is one.", validate: vehicleId }),
    manufacturer: t.string({ required: false, description: "Make.", validate: optionalText }),
    model: t.string({ required: false, description: "Model.", validate: optionalText }),
    modelExtension: t.string({
      required: false,
      description: "Model detail.",
      validate: optionalText,
    }),
    color: t.string({
      required: false,
      description: "Paint as free text.",
      validate: optionalText,
    }),
    location: t.string({
      required: false,
      description: "Where it stands.",
      validate: optionalText,
    }),
    lot: t.string({ required: false, description: "Lot or bay.", validate: optionalText }),
    customReference: t.string({
      required: false,
      description: "Your own reference.",
      validate: optionalText,
    }),
    suggestedGuidelineId: t.string({
      required: false,
      description: "Suggested shooting guideline.",
      validate: optionalText,
    }),
  }),
});

builder.mutationFields((t) => ({
  upsertVehicle: t.field({
    extensions: { cost: callsTo("carcutter") },
    type: VehicleRef,
    description: "Creates or updates a vehicle at CarCutter (safe to retry: keyed on vehicleId).",
    errors: {
      types: [InputValidationError],
      directResult: true,
      union: {
        name: "UpsertVehicleResult",
        description: "The vehicle as CarCutter stored it, or why the input was refused.",
      },
    },
    args: { input: t.arg({ type: UpsertVehicleInput, description: "The vehicle's fields." }) },
    resolve: async (_, { input }, ctx) => {
      const dto = await ctx.carcutter.upsertVehicle({
        ...withoutNulls(input),
        vehicleId: input.vehicleId,
      });
      const vehicle = vehicleFromDto(dto);
      ctx.loaders.vehicleById.prime(vehicle.vehicleId, vehicle);
      return vehicle;
    },
  }),
  deleteVehicle: t.field({
    extensions: { cost: callsTo("carcutter") },
    type: VehicleRef,
    description: "Deletes a vehicle (softly: it stays readable with status DELETED).",
    errors: {
      types: [InputValidationError, NotFoundError],
      directResult: true,
      union: {
        name: "DeleteVehicleResult",
        description: "The deleted vehicle, or why nothing was deleted.",
      },
    },
    args: {
      vehicleId: t.arg.string({ description: "CarCutter vehicle id.", validate: vehicleId }),
    },
    resolve: async (_, args, ctx) => {
      const dto = await ctx.carcutter.deleteVehicle(args.vehicleId);
      if (!dto) throw new NotFoundError("Vehicle", args.vehicleId);
      const vehicle = vehicleFromDto(dto);
      ctx.loaders.vehicleById.clear(vehicle.vehicleId).prime(vehicle.vehicleId, vehicle);
      return vehicle;
    },
  }),
}));
