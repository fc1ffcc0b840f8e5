import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import type { FeatureDto } from "../../upstreams/carcutter/dto.js";
import { CARCUTTER } from "../../upstreams/carcutter/dto.js";
import {
  ApiError,
  badRequest,
  NO_SUCH_FEATURE_MESSAGE,
  NO_SUCH_VEHICLE_MESSAGE,
} from "./errors.js";
import { queryText, readForm } from "./input.js";
import { type CarCutterState, FEATURE_OPTIONAL_FIELDS } from "./state.js";

/**
 * Feature hotspots of a vehicle. Choices the contract leaves open: a feature needs an existing
 * vehicle record (a deleted one counts: deletion is soft); listing or deleting the features of an
 * unknown vehicle answers an empty list; features come back in creation order.
 */

const REQUIRED_FIELDS = ["vehicle_id", "title", "icon", "type"] as const;

export function featureRoutes(state: CarCutterState): Hono {
  const app = new Hono();

  app.on(CARCUTTER.createFeature.method, CARCUTTER.createFeature.path, async (c) => {
    const form = await readForm(c);
    const missing = REQUIRED_FIELDS.filter((name) => !form.provided(name));
    if (missing.length > 0) throw badRequest(`required fields missing: ${missing.join(", ")}`);
    const feature: FeatureDto = {
      feature_id: randomUUID(),
      vehicle_id: form.text("vehicle_id", { required: true }) ?? "",
      title: form.text("title", { required: true }) ?? "",
      icon: form.text("icon", { required: true }) ?? "",
      type: form.text("type", { required: true }) ?? "",
    };
    for (const field of FEATURE_OPTIONAL_FIELDS) {
      const value = form.text(field);
      if (value !== undefined) feature[field] = value;
    }
    if (!state.vehicles.has(feature.vehicle_id)) throw new ApiError(404, NO_SUCH_VEHICLE_MESSAGE);
    state.features.set(feature.feature_id, feature);
    return c.json({ feature_id: feature.feature_id });
  });

  app.on(CARCUTTER.features.method, CARCUTTER.features.path, (c) => {
    const vehicleId = queryText(c, "vehicle_id", { required: true });
    return c.json({ features: featuresOf(state, vehicleId) });
  });

  app.on(CARCUTTER.feature.method, CARCUTTER.feature.path, (c) => {
    return c.json({
      features: [findFeature(state, queryText(c, "feature_id", { required: true }))],
    });
  });

  app.on(CARCUTTER.deleteFeature.method, CARCUTTER.deleteFeature.path, (c) => {
    const feature = findFeature(state, queryText(c, "feature_id", { required: true }));
    state.features.delete(feature.feature_id);
    return c.json({ deleted_features: [feature] });
  });

  app.on(CARCUTTER.deleteVehicleFeatures.method, CARCUTTER.deleteVehicleFeatures.path, (c) => {
    const features = featuresOf(state, queryText(c, "vehicle_id", { required: true }));
    for (const feature of features) state.features.delete(feature.feature_id);
    return c.json({ deleted_features: features });
  });

  return app;
}

function featuresOf(state: CarCutterState, vehicleId: string | undefined): FeatureDto[] {
  return [...state.features.values()].filter((f) => f.vehicle_id === vehicleId);
}

function findFeature(state: CarCutterState, featureId: string | undefined): FeatureDto {
  const feature = featureId === undefined ? undefined : state.features.get(featureId);
  if (!feature) throw new ApiError(404, NO_SUCH_FEATURE_MESSAGE);
  return feature;
}
