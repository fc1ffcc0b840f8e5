import { z } from "zod";
import { brandedLoadOne, builder } from "../../builder.js";
import { callsTo, FEATURES_PER_VEHICLE } from "../../cost/cost-estimate.js";
import { InputValidationError, NotFoundError } from "../../domain-errors.js";
import { isUpstreamError } from "../../errors.js";
import { withoutNulls } from "../../nullable-input.js";
import type { DeletedFeature } from "../../upstreams/carcutter/client.js";
import { entityKey } from "../entity-key.js";
import { VehicleRef } from "../vehicle/vehicle.schema.js";
import type { Feature } from "./feature.model.js";

export const FeatureRef = builder.objectRef<Feature>("Feature");

builder.node(FeatureRef, {
  description: "A feature hotspot shown on a vehicle's photos: a hover text, document or link.",
  id: { resolve: (feature) => feature.featureId, description: "Global id of the feature." },
  // What resolving one representation of it in `_entities` costs (subgraph mode).
  extensions: { cost: callsTo("carcutter") },
  loadOne: brandedLoadOne("Feature", (featureId: string, ctx) =>
    ctx.loaders.featureById.load(featureId),
  ),
  fields: (t) => ({
    featureId: t.exposeString("featureId", { description: "CarCutter's id for the feature." }),
    title: t.exposeString("title", { description: "Hover text." }),
    description: t.exposeString("description", { nullable: true, description: "Longer text." }),
    icon: t.exposeString("icon", { description: "Icon name." }),
    type: t.exposeString("type", { description: "Kind, e.g. text, doc or href." }),
    ruleName: t.exposeString("ruleName", {
      nullable: true,
      description: "Feature rule it came from.",
    }),
    annotationId: t.exposeString("annotationId", { nullable: true, description: "Annotation id." }),
    detailImageId: t.exposeString("detailImageId", {
      nullable: true,
      description: "Id of a detail photo.",
    }),
    vehicle: t.field({
      type: VehicleRef,
      nullable: true,
      // Reached through Vehicle.features, it is that vehicle, already loaded: no call.
      extensions: { cost: callsTo("carcutter", { freeUnder: ["Vehicle.features"] }) },
      description: "The vehicle it belongs to; null if that vehicle no longer exists.",
      resolve: (feature, _, ctx) => ctx.loaders.vehicleById.load(feature.vehicleId),
    }),
  }),
});

builder.objectField(VehicleRef, "features", (t) =>
  t.field({
    type: [FeatureRef],
    nullable: true,
    // One call per vehicle; a vehicle has a few hotspots.
    extensions: { cost: callsTo("carcutter", { listSize: { assumedSize: FEATURES_PER_VEHICLE } }) },
    description:
      "The vehicle's feature hotspots; null (with an error) if CarCutter could not be read.",
    resolve: (vehicle, _, ctx) => ctx.loaders.featuresByVehicleId.load(vehicle.vehicleId),
  }),
);

const id = (what: string) =>
  z.string().trim().min(1, "must not be empty").max(128, `${what}: at most 128 characters`);
const required = z.string().min(1, "must not be empty").max(4096);
const optional = z.string().min(1, "must not be empty; omit the field instead").max(4096);

/** Subgraph mode (FEDERATION=true): a feature is referenced by its id, loaded as `feature` is. */
builder.asEntity(FeatureRef, {
  key: builder.selection<{ featureId: string }>("featureId"),
  resolveReference: async (ref, ctx) =>
    ctx.loaders.featureById.load(entityKey("Feature", "featureId", id("featureId"), ref.featureId)),
});

builder.queryField("feature", (t) =>
  t.field({
    extensions: { cost: callsTo("carcutter") },
    type: FeatureRef,
    nullable: true,
    description: "One feature by its id; null when there is none.",
    args: {
      featureId: t.arg.string({ description: "CarCutter feature id.", validate: id("featureId") }),
    },
    resolve: (_, args, ctx) => ctx.loaders.featureById.load(args.featureId),
  }),
);

const CreateFeatureInput = builder.inputType("CreateFeatureInput", {
  description: "A new feature hotspot for a vehicle.",
  fields: (t) => ({
    vehicleId: t.string({ description: "The vehicle (must exist).", validate: id("vehicleId") }),
    title: t.string({ description: "Hover text.", validate: required }),
    icon: t.string({ description: "Icon name.", validate: required }),
    type: t.string({ description: "Kind, e.g. text, doc or href.", validate: required }),
    description: t.string({ required: false, description: "Longer text.", validate: optional }),
    ruleName: t.string({ required: false, description: "Feature rule name.", validate: optional }),
    annotationId: t.string({ required: false, description: "Annotation id.", validate: optional }),
    detailImageId: t.string({
      required: false,
      description: "Detail photo id.",
      validate: optional,
    }),
  }),
});

interface DeleteFeaturesPayload {
  deleted: DeletedFeature[];
}

const DeleteFeaturesPayloadRef = builder
  .objectRef<DeleteFeaturesPayload>("DeleteFeaturesPayload")
  .implement({
    description: "The features that were deleted.",
    fields: (t) => ({
      deletedFeatureIds: t.stringList({
        description: "Ids of the deleted features.",
        resolve: (payload) =>
          payload.deleted.map((f) => (typeof f === "string" ? f : f.feature_id)),
      }),
    }),
  });

/** CarCutter answers 404 when the named vehicle or feature does not exist. */
async function orNotFound<T>(resource: string, id: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isUpstreamError(error) && error.extensions.code === "UPSTREAM_NOT_FOUND") {
      throw new NotFoundError(resource, id);
    }
    throw error;
  }
}

builder.mutationFields((t) => ({
  createFeature: t.field({
    extensions: { cost: callsTo("carcutter") },
    type: FeatureRef,
    description: "Adds a feature hotspot to a vehicle. Not retried automatically.",
    errors: {
      types: [InputValidationError, NotFoundError],
      directResult: true,
      union: {
        name: "CreateFeatureResult",
        description: "The new feature, or why it was not created.",
      },
    },
    args: { input: t.arg({ type: CreateFeatureInput, description: "The feature." }) },
    resolve: async (_, { input }, ctx) => {
      const fields = withoutNulls(input);
      const request = {
        ...fields,
        vehicleId: input.vehicleId,
        title: input.title,
        icon: input.icon,
        type: input.type,
      };
      const featureId = await orNotFound("Vehicle", input.vehicleId, () =>
        ctx.carcutter.createFeature(request),
      );
      ctx.loaders.featuresByVehicleId.clear(input.vehicleId);
      return {
        featureId,
        vehicleId: input.vehicleId,
        title: input.title,
        icon: input.icon,
        type: input.type,
        description: input.description ?? null,
        ruleName: input.ruleName ?? null,
        annotationId: input.annotationId ?? null,
        detailImageId: input.detailImageId ?? null,
      };
    },
  }),
  deleteFeature: t.field({
    extensions: { cost: callsTo("carcutter") },
    type: DeleteFeaturesPayloadRef,
    description: "Deletes one feature.",
    errors: {
      types: [InputValidationError, NotFoundError],
      directResult: true,
      union: {
        name: "DeleteFeatureResult",
        description: "The deleted feature, or why nothing was deleted.",
      },
    },
    args: {
      featureId: t.arg.string({ description: "The feature's id.", validate: id("featureId") }),
    },
    resolve: async (_, args, ctx) => {
      const deleted = await ctx.carcutter.deleteFeature(args.featureId);
      if (!deleted) throw new NotFoundError("Feature", args.featureId);
      ctx.loaders.featureById.clear(args.featureId);
      return { deleted };
    },
  }),
  deleteVehicleFeatures: t.field({
    extensions: { cost: callsTo("carcutter") },
    type: DeleteFeaturesPayloadRef,
    description: "Deletes every feature of a vehicle.",
    errors: {
      types: [InputValidationError],
      directResult: true,
      union: {
        name: "DeleteVehicleFeaturesResult",
        description:
          "The deleted features (none when the vehicle had none), or why the input was refused.",
      },
    },
    args: {
      vehicleId: t.arg.string({ description: "The vehicle's id.", validate: id("vehicleId") }),
    },
    resolve: async (_, args, ctx) => {
      const deleted = await ctx.carcutter.deleteVehicleFeatures(args.vehicleId);
      ctx.loaders.featuresByVehicleId.clear(args.vehicleId);
      return { deleted };
    },
  }),
}));
