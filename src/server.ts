import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CachedOneAuto } from "./cache/cached-oneauto.js";
import { createCache } from "./cache/create-cache.js";
import type { Config } from "./config.js";
import { ResultLinks } from "./domains/image/result-links.js";
import { type RunningEmulators, startEmulators } from "./emulators/start.js";
import { createGateway, type Gateway, type Logger } from "./gateway.js";
import { loadTrustedDocuments, type TrustedDocuments } from "./trusted-documents.js";
import { type CarCutterClient, createCarCutterClient } from "./upstreams/carcutter/client.js";
import type { UpstreamCallEvent } from "./upstreams/http.js";
import { createOneAutoClient, type OneAutoClient } from "./upstreams/oneauto/client.js";

/** Builds the process from configuration: clients, links, the gateway, and the HTTP server. */

export interface UpstreamEndpoints {
  carcutterUrl: string;
  oneautoUrl: string;
}

export interface Runtime {
  gateway: Gateway;
  carcutter: CarCutterClient;
  oneauto: OneAutoClient;
  oneautoCache: CachedOneAuto;
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
}

export function createRuntime(
  config: Config,
  endpoints: UpstreamEndpoints,
  options: RuntimeOptions = {},
): Runtime {
  const { http } = config.upstreams;
  const observe = options.onCall ? { onCall: options.onCall } : {};
  const carcutter = createCarCutterClient({
    ...http,
    ...observe,
    baseUrl: endpoints.carcutterUrl,
    token: config.upstreams.carcutter.token,
    customer: config.upstreams.carcutter.customer,
  });
  const oneauto = createOneAutoClient({
    ...http,
    ...observe,
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
    stockLinkSafetyMarginMs: config.cache.stockLinkSafetyMarginMs,
    identificationTtlMs: config.cache.identificationTtlMs,
    ...now,
  });
  const maxUploadBytes = config.gateway.maxUploadBytes;
  const gateway = createGateway({
    carcutter,
    oneauto,
    results,
    oneautoCache,
    maxUploadBytes,
    costPolicy: config.cost,
    // Three uploads at the limit plus the operation itself.
    maxRequestBodyBytes: 3 * maxUploadBytes + 1024 * 1024,
    isReady: () =>
      carcutter.http.circuitState() !== "open" && oneauto.http.circuitState() !== "open",
    ...(options.logger ? { logger: options.logger } : {}),
    ...(trustedDocumentsFor(config, options) ?? {}),
  });
  return {
    gateway,
    carcutter,
    oneauto,
    oneautoCache,
    async close() {
      await Promise.all([carcutter.http.close(), oneauto.http.close(), cache.close()]);
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
  return { trustedDocuments: options.trustedDocuments };
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  runtime: Runtime;
  /** Present when an upstream URL was not configured and the built-in emulator serves it. */
  emulators: RunningEmulators | undefined;
  close(): Promise<void>;
}

/** Starts the emulators where no upstream URL is configured, then the gateway on HOST:PORT. */
export async function startServer(
  config: Config,
  options: Omit<RuntimeOptions, "publicUrl" | "trustedDocuments"> = {},
): Promise<RunningServer> {
  const { carcutter, oneauto } = config.upstreams;
  const trusted = config.gateway.trustedDocuments;
  const trustedDocuments = trusted.only ? await loadTrustedDocuments(trusted.path) : undefined;
  const emulators =
    carcutter.baseUrl && oneauto.baseUrl ? undefined : await startEmulators(config.emulators);
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503).end("starting");
  };
  const server = createServer((req, res) => handle(req, res));
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
  const runtime = createRuntime(
    config,
    {
      carcutterUrl: carcutter.baseUrl ?? emulatorUrl(emulators, "carcutter"),
      oneautoUrl: oneauto.baseUrl ?? emulatorUrl(emulators, "oneauto"),
    },
    { ...options, publicUrl: url, ...(trustedDocuments ? { trustedDocuments } : {}) },
  );
  handle = runtime.gateway;
  return {
    url,
    runtime,
    emulators,
    async close() {
      // Stop accepting, let requests in flight finish, then release upstream pools.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await runtime.close();
      await emulators?.close();
    },
  };
}

function emulatorUrl(
  emulators: RunningEmulators | undefined,
  which: "carcutter" | "oneauto",
): string {
  if (!emulators) throw new Error(`no ${which} URL configured and no emulator running`);
  return emulators[which].server.url;
}
