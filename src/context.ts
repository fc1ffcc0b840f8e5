import type { YogaInitialContext } from "graphql-yoga";
import { createFeatureLoaders, type FeatureLoaders } from "./domains/feature/feature.loaders.js";
import { createImageLoaders, type ImageLoaders } from "./domains/image/image.loaders.js";
import type { ResultLinks } from "./domains/image/result-links.js";
import { createStockLoaders, type StockLoaders } from "./domains/stock/stock.loaders.js";
import { createVehicleLoaders, type VehicleLoaders } from "./domains/vehicle/vehicle.loaders.js";
import type { CarCutterClient } from "./upstreams/carcutter/client.js";
import type { OneAutoClient } from "./upstreams/oneauto/client.js";

/** What the graph needs from the process: built once, shared by every request. */
export interface GatewayDeps {
  carcutter: CarCutterClient;
  oneauto: OneAutoClient;
  results: ResultLinks;
  /** Largest accepted upload per file (license plate, background, overlay). */
  maxUploadBytes: number;
}

export type Loaders = VehicleLoaders & ImageLoaders & FeatureLoaders & StockLoaders;

/** A fresh context per request: loaders never share a cache between requests. */
export interface Context extends GatewayDeps {
  loaders: Loaders;
  /** Aborts when the client goes away; passed to every upstream call. */
  signal: AbortSignal;
}

export function createContext(deps: GatewayDeps, initial: YogaInitialContext): Context {
  const signal = initial.request.signal;
  return {
    ...deps,
    signal,
    loaders: {
      ...createVehicleLoaders(deps.carcutter, signal),
      ...createImageLoaders(deps.carcutter, signal),
      ...createFeatureLoaders(deps.carcutter, signal),
      ...createStockLoaders(deps.oneauto, signal),
    },
  };
}
