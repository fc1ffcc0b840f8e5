import { type ApiDialect, UNKNOWN_ENUM_VALUE } from "../control.js";
import { errorBody } from "./errors.js";

/**
 * How the shared fault machinery speaks CarCutter: errors in `{code, message}`, and the
 * "unknown-enum" fault aimed at the fields the provider warns will grow: an image's status, phase
 * and quality, and a vehicle's app_status. Bodies of any other shape pass through unchanged.
 */
export const carCutterDialect: ApiDialect = {
  errorBody,
  injectUnknownEnum,
};

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function injectUnknownEnum(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withUnknownAppStatus);
  if (!isObject(body)) return body;
  const data = body.data;
  if (isObject(data) && Array.isArray(data.images)) {
    return { ...body, data: { ...data, images: data.images.map(withUnknownImageEnums) } };
  }
  if (isObject(body.vehicle)) return { ...body, vehicle: withUnknownAppStatus(body.vehicle) };
  if (Array.isArray(body.vehicles)) {
    return { ...body, vehicles: body.vehicles.map(withUnknownAppStatus) };
  }
  return body;
}

function withUnknownImageEnums(image: unknown): unknown {
  if (!isObject(image)) return image;
  return {
    ...image,
    status: UNKNOWN_ENUM_VALUE,
    phase: UNKNOWN_ENUM_VALUE,
    quality: UNKNOWN_ENUM_VALUE,
  };
}

function withUnknownAppStatus(vehicle: unknown): unknown {
  return isObject(vehicle) ? { ...vehicle, app_status: UNKNOWN_ENUM_VALUE } : vehicle;
}
