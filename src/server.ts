import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { CachedOneAuto } from "./cache/cached-oneauto.js";
import { createCache } from "./cache/create-cache.js";
import { ClientGate, isLoopback } from "./clients/client-gate.js";
import { loadClientsFile } from "./clients/clients-file.js";
import { createWindowLimiter } from "./clients/rate-limits.js";
import type { Config } from "./config.js";
import { ResultLinks } from "./domains/image/result-links.js";
import type { CarCutterEmulator } from "./emulators/carcutter/emulator.js";
import { type SomeEmulators, startEmulators } from "./emulators/start.js";
import { rateLimitedReporter } from "./error-reports.js";
import { createImageEvents } from "./events/create-image-events.js";
import type { ImageEvents } from "./events/image-events.js";
import { ImagePoller } from "./events/image-poller.js";
import { createRedisPollLock, inProcessPollLock } from "./events/poll-lock.js";
import { webhookUrlFor } from "./gateway/carcutter-webhooks.js";
import { createGateway, type Gateway, type PhaseName } from "./gateway/create-gateway.js";
import { documentRefusal } from "./gateway/document-bounds.js";
import { type EmbeddedEmulatorApp, embeddedLinkBase } from "./gateway/embedded-emulator-links.js";
import { attachGraphqlWs } from "./gateway/graphql-ws.js";
import {
  answerStarting,
  concurrencyLimitFor,
  guardRequests,
  hardenServer,
} from "./gateway/http-guard.js";
import { loadShowroom } from "./gateway/showroom.js";
import { loadTrustedDocuments, type TrustedDocuments } from "./gateway/trusted-documents.js";
import { createLedger } from "./ledger/create-ledger.js";
import type { SubmissionLedger } from "./ledger/ledger.js";
import type { Logger } from "./logger.js";
import { GatewayMetrics } from "./observability/metrics.js";
import { tracedLedger } from "./observability/tracing.js";
import { type CarCutterClient, createCarCutterClient } from "./upstreams/carcutter/client.js";
import type { UpstreamCallEvent, UpstreamFailure } from "./upstreams/http.js";
import { InFlight } from "./upstreams/in-flight.js";
import { createOneAutoClient, type OneAutoClient } from "./upstreams/oneauto/client.js";

/** Builds the process from configuration: clients, links, the gateway, and the HTTP server. */

export interface UpstreamEndpoints {
  carcutterUrl: string;
  oneautoUrl: string;
}

export interface Runtime {
  gateway: Gateway;
  /** Who may call (CLIENTS_PATH), with their limits. */
  clients: ClientGate;
  carcutter: CarCutterClient;
  oneauto: OneAutoClient;
  oneautoCache: CachedOneAuto;
  /** What this process shares in flight across requests, and its read-your-writes counter. */
  inFlight: InFlight;
  ledger: SubmissionLedger;
  events: ImageEvents;
  poller: ImagePoller;
  /** Where CarCutter is told to send webhooks; undefined when no reachable URL is known. */
  webhook: { url: string; authKey: string } | undefined;
  /** The Prometheus metrics this runtime counts into. */
  metrics: GatewayMetrics;
  /** From now on `/ready` answers 503, so load balancers send new requests elsewhere. */
  startDraining(): void;
  /** The showroom at `/`: served, on but not built, or off. */
  showroom: "served" | "not built" | "off";
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logger?: Logger;
  /** The gateway's public origin, for result links (PUBLIC_URL wins when set). */
  publicUrl?: string;
  onCall?: (event: UpstreamCallEvent) => void;
  /** Required when config.gateway.trustedDocuments.only is set (see loadTrustedDocuments). */
  trustedDocuments?: TrustedDocuments;
  /** Epoch milliseconds the caches compare link expiry with; tests drive it with the emulators' clock. */
  now?: () => number;
  /**
   * An origin CarCutter can reach this gateway at when PUBLIC_URL is unset: the server's own URL
   * when CarCutter is the built-in emulator on this machine. Without either, polling alone.
   */
  webhookBaseUrl?: string;
  /** Tests isolate PostgreSQL ledgers in their own schema. */
  postgresSchema?: string;
  /** The benchmark's "guards off" (see CreateGatewayOptions.guards); never set in production. */
  guards?: boolean;
  /** The benchmark's ladder (see CreateGatewayOptions.phases); never set in production. */
  phases?: readonly PhaseName[];
  /** The benchmark's ladder: false leaves operations unshared, whatever SHARE_INFLIGHT_READS says. */
  shareOperations?: boolean;
  /** Spans for operations and ledger writes; default: when an exporter is configured. */
  tracing?: boolean;
  /** The built-in OneAuto emulator this gateway embeds, whose links it serves. */
  oneautoEmulator?: EmbeddedEmulatorApp;
}

export async function createRuntime(
  config: Config,
  endpoints: UpstreamEndpoints,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const { http } = config.upstreams;
  // One registry per runtime: two gateways in one process (tests) never share counts.
  const metrics = new GatewayMetrics();
  const { onCall } = options;
  // One per process: every layer that shares work across requests shares through it, by its rule.
  const inFlight = new InFlight({ enabled: config.upstreams.shareReads });
  const observe = {
    onCall: (event: UpstreamCallEvent) => {
      metrics.upstreamCall(event);
      onCall?.(event);
    },
    inFlight,
    // Once per call that failed for good (its attempts told apart in the metrics).
    onFailure: (failure: UpstreamFailure) =>
      options.logger?.warn({ ...failure }, `${failure.upstream} call failed: ${failure.code}`),
  };
  // One limiter for every "at most N per window": client requests, calls to each upstream.
  const limiter = createWindowLimiter({
    redisUrl: config.cache.redisUrl,
    namespace: config.cache.namespace,
    onError: rateLimitedReporter((error) =>
      options.logger?.warn({ err: error.message }, "rate limits counted per instance meanwhile"),
    ),
  });
  const throttle = (upstream: "carcutter" | "oneauto") => {
    const perSecond = config.upstreams.maxRequestsPerSecond[upstream];
    if (perSecond === undefined) return {};
    return {
      throttle: { perSecond, take: () => limiter.take(`upstream:${upstream}`, perSecond, 1) },
    };
  };
  const carcutter = createCarCutterClient({
    ...http,
    ...observe,
    ...throttle("carcutter"),
    baseUrl: endpoints.carcutterUrl,
    token: config.upstreams.carcutter.token,
    customer: config.upstreams.carcutter.customer,
  });
  const oneauto = createOneAutoClient({
    ...http,
    ...observe,
    ...throttle("oneauto"),
    baseUrl: endpoints.oneautoUrl,
    apiKey: config.upstreams.oneauto.apiKey,
  });
  const results = new ResultLinks({
    publicUrl:
      config.gateway.publicUrl ?? options.publicUrl ?? `http://localhost:${config.gateway.port}`,
    // Without a configured secret, links are valid for this process only.
    secret: config.gateway.resultLinkSecret ?? randomBytes(32).toString("hex"),
    ttlSeconds: config.gateway.resultLinkTtlSeconds,
  });
  const now = options.now ? { now: options.now } : {};
  const cache = createCache(config.cache, {
    namespace: config.cache.namespace,
    ...now,
    onError: (error) =>
      options.logger?.warn({ err: error.message }, "cache unavailable; answering without it"),
  });
  const oneautoCache = new CachedOneAuto({
    client: oneauto,
    cache,
    inFlight,
    stockLinkSafetyMarginMs: config.cache.stockLinkSafetyMarginMs,
    identificationTtlMs: config.cache.identificationTtlMs,
    onCacheLookup: (kind, hit) => metrics.cacheRequests.inc({ kind, result: hit ? "hit" : "miss" }),
    ...now,
  });
  const warn = (what: string) => (error: Error) =>
    options.logger?.warn({ err: error.message }, what);
  const tracing = options.tracing ?? config.tracing.exporter === "otlp";
  const store = await createLedger(config.ledger, {
    onWarning: (message) => options.logger?.warn({}, message),
    postgresSchema: options.postgresSchema,
  });
  const ledger = tracing ? tracedLedger(store) : store;
  const redis = config.cache.redisUrl;
  const events = createImageEvents({
    redisUrl: redis,
    namespace: config.cache.namespace,
    onError: warn("image events degraded"),
  });
  const pollLock = redis
    ? createRedisPollLock({
        url: redis,
        namespace: config.cache.namespace,
        onError: warn("poll lock degraded"),
      })
    : inProcessPollLock;
  // The process-wide client: polling belongs to no request's cost.
  const poller = new ImagePoller({
    carcutter,
    events,
    lock: pollLock,
    intervalMs: config.events.pollIntervalMs,
    maxCallsPerMinute: config.events.pollMaxCallsPerMinute,
    onError: warn("image poll failed"),
    onRead: (ok) => metrics.pollerCalls.inc({ result: ok ? "ok" : "failed" }),
  });
  poller.start();
  // Without a configured key, webhooks authenticate against this process only.
  const webhookSecret = config.events.webhookSecret ?? randomBytes(32).toString("hex");
  const webhookBase = config.gateway.publicUrl ?? options.webhookBaseUrl;
  const webhook = webhookBase
    ? { url: webhookUrlFor(webhookBase), authKey: webhookSecret }
    : undefined;
  const maxUploadBytes = config.gateway.maxUploadBytes;
  const clientEntries = config.clients.path
    ? await loadClientsFile(config.clients.path, config.clients.defaults)
    : undefined;
  const clients = new ClientGate({
    clients: clientEntries,
    defaults: config.clients.defaults,
    limiter,
  });
  // Labels as clientLabel gives them: keyed clients by name; an open gateway's callers in two.
  metrics.knownClients(clientEntries?.map((c) => c.name) ?? ["open", "local"]);
  const { showroom } = config.gateway;
  let draining = false;
  const showroomFiles = showroom.enabled ? await loadShowroom(showroom.dir) : undefined;
  metrics.observe({
    circuitState: (upstream) =>
      (upstream === "carcutter" ? carcutter : oneauto).http.circuitState(),
    subscriptionsActive: () => events.subscriptionCount,
  });
  const metricsSettings = config.gateway.metrics;
  const gateway = createGateway({
    tracing,
    metrics,
    ...(metricsSettings.enabled
      ? {
          metricsEndpoint: {
            token: metricsSettings.token,
            allowLoopbackWithoutToken: !config.gateway.production,
          },
        }
      : {}),
    clients,
    showroom: { enabled: showroom.enabled, files: showroomFiles },
    ledger,
    events,
    poller,
    webhookSecret,
    webhook,
    carcutter,
    oneauto: oneautoCache,
    results,
    maxUploadBytes,
    costPolicy: config.cost,
    // Three uploads at the limit plus the operation itself.
    maxRequestBodyBytes: 3 * maxUploadBytes + 1024 * 1024,
    isReady: () =>
      !draining &&
      carcutter.http.circuitState() !== "open" &&
      oneauto.http.circuitState() !== "open",
    logger: options.logger,
    security: config.gateway,
    limits: config.gateway.operation,
    guards: options.guards ?? true,
    ...(options.phases ? { phases: options.phases } : {}),
    federation: config.gateway.federation,
    inFlight,
    ...(options.shareOperations === false ? { shareOperations: false } : {}),
    ...(options.oneautoEmulator ? { oneautoEmulator: options.oneautoEmulator } : {}),
    ...(trustedDocumentsFor(config, options) ?? {}),
  });
  return {
    gateway,
    clients,
    carcutter,
    oneauto,
    oneautoCache,
    inFlight,
    ledger,
    events,
    poller,
    webhook,
    metrics,
    startDraining: () => {
      draining = true;
    },
    showroom: !showroom.enabled ? "off" : showroomFiles ? "served" : "not built",
    async close() {
      await poller.stop();
      await Promise.all([events.close(), pollLock.close(), limiter.close()]);
      await Promise.all([carcutter.http.close(), oneauto.http.close(), cache.close()]);
      await ledger.close();
    },
  };
}

function trustedDocumentsFor(
  config: Config,
  options: RuntimeOptions,
): { trustedDocuments: TrustedDocuments } | undefined {
  if (!config.gateway.trustedDocuments.only) return undefined;
  // Refusing to start beats silently serving every operation.
  if (!options.trustedDocuments)
    throw new Error("TRUSTED_DOCUMENTS_ONLY is set but no manifest was loaded");
  // A trusted document the bounds refuse would fail every time it is sent: said at start-up.
  for (const [hash, text] of options.trustedDocuments.byHash) {
    const refusal = documentRefusal(text, config.gateway.limits);
    if (refusal) throw new Error(`TRUSTED_DOCUMENTS_PATH: document ${hash}: ${refusal.message}`);
  }
  return { trustedDocuments: options.trustedDocuments };
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  runtime: Runtime;
  /**
   * Present when an upstream URL was not configured: the built-in emulator of each upstream
   * without one (never of an upstream with a URL, so it takes no port).
   */
  emulators: SomeEmulators | undefined;
  /**
   * A graceful stop: `/ready` answers 503 at once; for `delayMs` everything is still served (the
   * load balancer's time to notice); then no new connection is accepted, subscriptions end (SSE
   * with `complete`, graphql-ws with close 1001, so clients reconnect elsewhere), requests in
   * flight get `graceMs` to finish, and the stores and upstream pools close last.
   */
  drain(options?: DrainOptions): Promise<void>;
  /** drain() without the delay. */
  close(): Promise<void>;
}

export interface DrainOptions {
  delayMs?: number;
  graceMs?: number;
}

/** Starts the emulators where no upstream URL is configured, then the gateway on HOST:PORT. */
export async function startServer(
  config: Config,
  options: Omit<RuntimeOptions, "publicUrl" | "trustedDocuments"> = {},
): Promise<RunningServer> {
  const { carcutter, oneauto } = config.upstreams;
  const trusted = config.gateway.trustedDocuments;
  const trustedDocuments = trusted.only ? await loadTrustedDocuments(trusted.path) : undefined;
  // The embedded default keeps the built-in CarCutter account beside the file ledger, so the
  // two agree after a restart; with a shared ledger (DATABASE_URL) the emulator is a test double.
  const embedded = !carcutter.baseUrl && !config.ledger.databaseUrl;
  // Known once the server listens; until then no link can be asked for.
  let oneautoLinkBase: string | undefined;
  const emulators =
    carcutter.baseUrl && oneauto.baseUrl
      ? undefined
      : await startEmulators(config.emulators, {
          only: { carcutter: !carcutter.baseUrl, oneauto: !oneauto.baseUrl },
          stateDir: embedded ? config.ledger.dataDir : undefined,
          oneautoLinkBase: () => oneautoLinkBase,
          onError: (error) =>
            options.logger?.warn({ err: error.message }, "built-in CarCutter: state not saved"),
        });
  let handle: (req: IncomingMessage, res: ServerResponse) => void = answerStarting;
  let overloaded = () => {};
  let closing = false;
  const concurrency = concurrencyLimitFor(config.gateway.http);
  const guarded = guardRequests(
    config.gateway.http,
    () => handle,
    () => overloaded(),
    concurrency,
  );
  const server = createServer((req, res) => {
    // A keep-alive connection must not outlive the drain: each answer from now on ends it.
    if (closing) res.setHeader("connection", "close");
    guarded(req, res);
  });
  hardenServer(server, config.gateway.http);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.gateway.port, config.gateway.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await emulators?.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = config.gateway.host === "0.0.0.0" ? "localhost" : config.gateway.host;
  const url = `http://${host}:${port}`;
  // Its links go through this gateway: often the only port a browser can reach.
  const oneautoEmbedded = emulators?.oneauto?.emulator;
  if (oneautoEmbedded) oneautoLinkBase = embeddedLinkBase(config.gateway.publicUrl ?? url);
  let runtime: Runtime;
  try {
    runtime = await createRuntime(
      config,
      {
        carcutterUrl: carcutter.baseUrl ?? emulatorUrl(emulators, "carcutter"),
        oneautoUrl: oneauto.baseUrl ?? emulatorUrl(emulators, "oneauto"),
      },
      {
        ...options,
        publicUrl: url,
        // The built-in emulator runs here, so it reaches this server's own URL.
        ...(carcutter.baseUrl ? {} : { webhookBaseUrl: url }),
        trustedDocuments,
        ...(oneautoEmbedded ? { oneautoEmulator: oneautoEmbedded.app } : {}),
      },
    );
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await emulators?.close();
    throw error;
  }
  if (emulators?.carcutter) {
    try {
      await recordSeededPhotos(runtime.ledger, emulators.carcutter.emulator);
    } catch (error) {
      await runtime.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulators.close();
      throw error;
    }
  }
  handle = runtime.gateway;
  overloaded = () => runtime.metrics.refused("overload");
  if (concurrency) runtime.metrics.observe({ graphqlRequests: () => concurrency });
  const disposeWs = attachGraphqlWs(server, runtime.gateway, {
    trustedDocuments,
    clients: runtime.clients,
  });
  if (!runtime.clients.keyed && !isLoopbackHost(config.gateway.host)) {
    options.logger?.warn(
      { host: config.gateway.host },
      "listening beyond this machine without client keys: anyone who can reach it may spend the upstream budgets (limited per source address); set CLIENTS_PATH (npm run client:key)",
    );
  }
  let drained: Promise<void> | undefined;
  const drain = (drainOptions: DrainOptions = {}) => {
    drained ??= (async () => {
      const { delayMs = 0, graceMs = 10_000 } = drainOptions;
      runtime.startDraining();
      closing = true;
      if (delayMs > 0) await sleep(delayMs);
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Subscriptions end now, so that their clients reconnect to another instance. Upgraded
      // WebSockets are not closed by server.close(); graphql-ws closes them with 1001.
      await Promise.all([runtime.events.close(), disposeWs()]);
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      const late = await Promise.race([stopped.then(() => false), sleep(graceMs).then(() => true)]);
      clearInterval(idle);
      if (late) {
        server.closeAllConnections();
        await stopped;
      }
      await runtime.close();
      await emulators?.close();
    })();
    return drained;
  };
  return { url, runtime, emulators, drain, close: () => drain() };
}

/**
 * The photos the built-in emulator's account starts with (its seed) were never sent through this
 * gateway; they are recorded in the ledger as accepted submissions, so that `Vehicle.images` and
 * a vehicle's live view show them and submitting one again answers ALREADY_SUBMITTED, as for any
 * photo this gateway sent. Photos the ledger already holds are left as they are.
 */
async function recordSeededPhotos(
  ledger: SubmissionLedger,
  emulator: CarCutterEmulator,
): Promise<void> {
  const seeded = emulator.submissions().filter((submission) => submission.seeded);
  const known = await ledger.get(seeded.flatMap((submission) => submission.imageUrls));
  for (const { imageUrls, receivedAt, fields } of seeded) {
    const fresh = imageUrls.filter((url) => !known.has(url));
    const vehicleId = fields.vehicle_id;
    if (fresh.length === 0 || vehicleId === undefined) continue;
    const at = new Date(receivedAt);
    const { claim, won } = await ledger.claim(
      fresh.map((url) => ({ url, vehicleId, options: { cutType: fields.cut_type ?? "complete" } })),
      { at, until: at, force: false },
    );
    await ledger.settle(won, "ACCEPTED", at, claim);
  }
}

function isLoopbackHost(host: string): boolean {
  return host === "localhost" || isLoopback(host);
}

function emulatorUrl(emulators: SomeEmulators | undefined, which: "carcutter" | "oneauto"): string {
  const running = emulators?.[which];
  if (!running) throw new Error(`no ${which} URL configured and no emulator running`);
  return running.server.url;
}
