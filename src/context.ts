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
import type { OneAutoReads } from "./upstreams/oneauto/client.js";

/** What the graph needs from the process: built once, shared by every request. */
export interface GatewayDeps {
  carcutter: CarCutterClient;
  /** OneAuto reads through the process's cache (links, VIN/registration/search results). */
  oneauto: CachedOneAuto;
  results: ResultLinks;
  /** Largest accepted upload per file (license plate, background, overlay). */
  maxUploadBytes: number;
  /** Prices and the per-operation budget of paid calls (config.cost). */
  costPolicy: CostPolicy;
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

/**
 * A fresh context per request, holding only what resolvers use. The upstream clients on it are
 * bound to this request once: every call they make carries its abort signal and is counted by its
 * cost meter, so a resolver cannot spend what `extensions.cost` does not see.
 */
export interface Context
  extends Pick<
    GatewayDeps,
    "results" | "maxUploadBytes" | "ledger" | "events" | "poller" | "webhook"
  > {
  carcutter: CarCutterClient;
  /** Through the process's cache; hits are counted for this request too. */
  oneauto: OneAutoReads;
  loaders: Loaders;
  /** Aborts when the client goes away: ends this request's subscriptions. */
  signal: AbortSignal;
  /** What this request spent upstream, reported as `extensions.cost`. */
  cost: CostMeter;
}

export function createContext(deps: GatewayDeps, initial: YogaInitialContext): Context {
  const { signal } = initial.request;
  const cost = new CostMeter(deps.costPolicy.prices);
  const scope = { signal, observe: cost.observe };
  const carcutter = deps.carcutter.forRequest(scope);
  const oneauto = deps.oneauto.forRequest({
    ...scope,
    onCacheHit: (operation) => cost.recordCacheHit("oneauto", operation),
  });
  const { results, maxUploadBytes, ledger, events, poller, webhook } = deps;
  return {
    results,
    maxUploadBytes,
    ledger,
    events,
    poller,
    webhook,
    carcutter,
    oneauto,
    signal,
    cost,
    loaders: {
      ...createVehicleLoaders(carcutter),
      ...createImageLoaders(carcutter, ledger),
      ...createFeatureLoaders(carcutter),
      ...createStockLoaders(oneauto),
    },
  };
}
