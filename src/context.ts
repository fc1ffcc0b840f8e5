import type { YogaInitialContext } from "graphql-yoga";
import type { CachedOneAuto } from "./cache/cached-oneauto.js";
import { CostMeter } from "./cost/cost-meter.js";
import type { CostPolicy } from "./cost/cost-policy.js";
import { createFeatureLoaders, type FeatureLoaders } from "./domains/feature/feature.loaders.js";
import { createImageLoaders, type ImageLoaders } from "./domains/image/image.loaders.js";
import type { ResultLinks } from "./domains/image/result-links.js";
import { createStockLoaders, type StockLoaders } from "./domains/stock/stock.loaders.js";
import { createVehicleLoaders, type VehicleLoaders } from "./domains/vehicle/vehicle.loaders.js";
import type { ImageEvents, ImageWatcher } from "./events/image-events.js";
import type { SubmissionLedger } from "./ledger/ledger.js";
import type { CarCutterClient } from "./upstreams/carcutter/client.js";
import type { OneAutoClient, OneAutoReads } from "./upstreams/oneauto/client.js";

/** What the graph needs from the process: built once, shared by every request. */
export interface GatewayDeps {
  carcutter: CarCutterClient;
  oneauto: OneAutoClient;
  results: ResultLinks;
  /** Largest accepted upload per file (license plate, background, overlay). */
  maxUploadBytes: number;
  /** Prices and the per-operation budget of paid calls (config.cost). */
  costPolicy: CostPolicy;
  /** OneAuto reads through the process's cache (links, VIN/registration/search results). */
  oneautoCache: CachedOneAuto;
  /** Every photo submitted through this gateway, with its outcome. */
  ledger: SubmissionLedger;
  /** Image status changes (webhooks, poller) for subscriptions. */
  events: ImageEvents;
  /** Keeps images of active subscriptions fresh when webhooks are silent. */
  poller: ImageWatcher;
  /** Where CarCutter sends webhooks, when PUBLIC_URL is set. */
  webhook?: { url: string; authKey: string };
}

export type Loaders = VehicleLoaders & ImageLoaders & FeatureLoaders & StockLoaders;

/** A fresh context per request: loaders never share a cache between requests. */
export interface Context extends Omit<GatewayDeps, "oneauto"> {
  /** OneAuto reads for this request: through the cache, observed by this request's meter. */
  oneauto: OneAutoReads;
  loaders: Loaders;
  /** Aborts when the client goes away; passed to every upstream call. */
  signal: AbortSignal;
  /**
   * What this request spent upstream, reported as `extensions.cost`. `carcutter` and `oneauto`
   * here are the process-wide clients observed by this meter (same pools, same breakers), so
   * every call a resolver or loader makes through the context is counted for this request.
   */
  cost: CostMeter;
}

export function createContext(deps: GatewayDeps, initial: YogaInitialContext): Context {
  const signal = initial.request.signal;
  const cost = new CostMeter(deps.costPolicy.prices);
  const carcutter = deps.carcutter.withObserver(cost.observe);
  const oneauto = deps.oneautoCache.forRequest({
    client: deps.oneauto.withObserver(cost.observe),
    onCacheHit: (operation) => cost.recordCacheHit("oneauto", operation),
  });
  return {
    ...deps,
    carcutter,
    oneauto,
    signal,
    cost,
    loaders: {
      ...createVehicleLoaders(carcutter, signal),
      ...createImageLoaders(carcutter, deps.ledger, signal),
      ...createFeatureLoaders(carcutter, signal),
      ...createStockLoaders(oneauto, signal),
    },
  };
}
