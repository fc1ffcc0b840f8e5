import type { YogaInitialContext } from "graphql-yoga";
import type { CachedOneAuto } from "./cache/cached-oneauto.js";
import type { Caller, ClientGate } from "./clients/client-gate.js";
import { CostMeter } from "./cost/cost-meter.js";
import type { CostPolicy } from "./cost/cost-policy.js";
import { upstreamCallLimitError } from "./domain-errors.js";
import { createFeatureLoaders, type FeatureLoaders } from "./domains/feature/feature.loaders.js";
import { createImageLoaders, type ImageLoaders } from "./domains/image/image.loaders.js";
import type { ResultLinks } from "./domains/image/result-links.js";
import { createStockLoaders, type StockLoaders } from "./domains/stock/stock.loaders.js";
import { createVehicleLoaders, type VehicleLoaders } from "./domains/vehicle/vehicle.loaders.js";
import type { ImageEvents, ImageWatcher } from "./events/image-events.js";
import type { SubmissionLedger } from "./ledger/ledger.js";
import type { OperationLimits } from "./limits.js";
import type { GatewayMetrics } from "./observability/metrics.js";
import { Cancel } from "./upstreams/cancel.js";
import type { CarCutterClient } from "./upstreams/carcutter/client.js";
import type { CallScope } from "./upstreams/http.js";
import type { OneAutoReads } from "./upstreams/oneauto/client.js";
import type { UpstreamOperation } from "./upstreams/operation.js";

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
  /** Runtime caps of one operation. */
  limits: OperationLimits;
  /** Who is calling: keys, requests per minute, subscriptions (bound per request). */
  clients: ClientGate;
  /** Prometheus metrics (src/observability/metrics.ts); none in tests that do not read them. */
  metrics?: GatewayMetrics | undefined;
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
    "results" | "maxUploadBytes" | "ledger" | "events" | "poller" | "webhook" | "metrics"
  > {
  carcutter: CarCutterClient;
  /** Through the process's cache; hits are counted for this request too. */
  oneauto: OneAutoReads;
  loaders: Loaders;
  /** Aborts when the client goes away: ends this request's subscriptions. */
  signal: AbortSignal;
  /** What this request spent upstream, reported as `extensions.cost`. */
  cost: CostMeter;
  /**
   * Aborted when the operation runs out of time (useOperationDeadline) or the client leaves: its
   * upstream calls stop.
   */
  deadline: Cancel;
  /** Who made this request (src/clients/client-gate.ts): its limits, and whose spend it is. */
  caller: Caller;
}

/**
 * The runtime cap behind the estimate, which rests on assumed list sizes: at most `limit` upstream
 * calls per upstream in one operation; past it, each further call fails with its own error and
 * what was fetched so far stays in the answer.
 */
function callCap(limit: number): (operation: UpstreamOperation) => void {
  const made = new Map<string, number>();
  return (operation) => {
    const count = (made.get(operation.upstream) ?? 0) + 1;
    if (count > limit) throw upstreamCallLimitError(operation, limit);
    made.set(operation.upstream, count);
  };
}

/**
 * The run-time caps, in order: the number of calls, then the pence the operation reserved of its
 * daily budget (the cost meter's, set by the cost plugin), both resting on the estimate's
 * assumptions. An attempt the first refuses is never counted by the second.
 */
function admitAll(
  ...caps: readonly ((operation: UpstreamOperation) => void)[]
): (operation: UpstreamOperation) => void {
  return (operation) => {
    for (const cap of caps) cap(operation);
  };
}

export function createContext(deps: GatewayDeps, initial: YogaInitialContext): Context {
  // The request's own signal is a Proxy (whatwg-node's), slow to read; the executor reads it
  // between fields (useExecutionStop), so the context carries a plain one that follows it.
  const gone = new AbortController();
  const requestSignal = initial.request.signal;
  if (requestSignal.aborted) gone.abort(requestSignal.reason);
  else
    requestSignal.addEventListener("abort", () => gone.abort(requestSignal.reason), {
      once: true,
    });
  const signal = gone.signal;
  const cost = new CostMeter(deps.costPolicy.prices);
  // The operation's deadline (useOperationDeadline) cuts its upstream calls as the client leaving
  // would: one controller for both, rather than AbortSignal.any (slow on Node 20). A Cancel, not an
  // AbortController: every upstream call of the request listens to it (upstreams/cancel.ts).
  const deadline = new Cancel();
  if (signal.aborted) deadline.abort(signal.reason);
  else signal.addEventListener("abort", () => deadline.abort(signal.reason), { once: true });
  const scope: CallScope = {
    signal: deadline.signal,
    observe: cost.observe,
    // A read that joined an identical one in flight: visible in extensions.cost, billed to nobody twice.
    onShared: (operation: UpstreamOperation) =>
      cost.recordCacheHit(operation.upstream, operation.name),
    admit: admitAll(callCap(deps.limits.maxUpstreamCallsPerOperation), cost.admit),
    notSent: cost.notSent,
  };
  const carcutter = deps.carcutter.forRequest(scope);
  const oneauto = deps.oneauto.forRequest({
    ...scope,
    onCacheHit: (operation) => cost.recordCacheHit("oneauto", operation),
  });
  const { results, maxUploadBytes, ledger, events, poller, webhook, metrics } = deps;
  return {
    metrics,
    results,
    maxUploadBytes,
    ledger,
    events,
    poller,
    webhook,
    carcutter,
    oneauto,
    signal,
    deadline,
    cost,
    caller: deps.clients.callerOf(initial.request),
    loaders: new RequestLoaders(carcutter, oneauto, ledger),
  };
}

/**
 * A request's loaders, each domain's made when the request first asks for one of them: most
 * operations touch one or two domains, and building all of them for every request was a
 * measurable share of it. `implements Loaders` keeps the getters complete.
 */
class RequestLoaders implements Loaders {
  readonly #carcutter: CarCutterClient;
  readonly #oneauto: OneAutoReads;
  readonly #ledger: SubmissionLedger;
  #vehicle: VehicleLoaders | undefined;
  #image: ImageLoaders | undefined;
  #feature: FeatureLoaders | undefined;
  #stock: StockLoaders | undefined;

  constructor(carcutter: CarCutterClient, oneauto: OneAutoReads, ledger: SubmissionLedger) {
    this.#carcutter = carcutter;
    this.#oneauto = oneauto;
    this.#ledger = ledger;
  }

  get vehicleById(): VehicleLoaders["vehicleById"] {
    this.#vehicle ??= createVehicleLoaders(this.#carcutter);
    return this.#vehicle.vehicleById;
  }

  get imageStatusByUrl(): ImageLoaders["imageStatusByUrl"] {
    this.#image ??= createImageLoaders(this.#carcutter, this.#ledger);
    return this.#image.imageStatusByUrl;
  }

  get featuresByVehicleId(): FeatureLoaders["featuresByVehicleId"] {
    this.#feature ??= createFeatureLoaders(this.#carcutter);
    return this.#feature.featuresByVehicleId;
  }

  get featureById(): FeatureLoaders["featureById"] {
    this.#feature ??= createFeatureLoaders(this.#carcutter);
    return this.#feature.featureById;
  }

  get stockLinkByKey(): StockLoaders["stockLinkByKey"] {
    this.#stock ??= createStockLoaders(this.#oneauto);
    return this.#stock.stockLinkByKey;
  }

  get stockMatchesByVehicle(): StockLoaders["stockMatchesByVehicle"] {
    this.#stock ??= createStockLoaders(this.#oneauto);
    return this.#stock.stockMatchesByVehicle;
  }
}
