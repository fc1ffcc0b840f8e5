import { z } from "zod";
import { type ClientLimits, DEFAULT_CLIENT_LIMITS } from "./clients/clients-file.js";
import { type CostPolicy, DEFAULT_COST_POLICY, type Prices } from "./cost/cost-policy.js";
import {
  DEFAULT_DOCUMENT_LIMITS,
  DEFAULT_OPERATION_LIMITS,
  type DocumentLimits,
  type OperationLimits,
} from "./limits.js";
import { CARCUTTER } from "./upstreams/carcutter/dto.js";
import { ONEAUTO } from "./upstreams/oneauto/dto.js";
import { defaultHttpSettings, type HttpSettings } from "./upstreams/settings.js";
import { typicalLatencyByName } from "./upstreams/typical-latency.js";

/**
 * The only reader of the environment. Every problem is reported at once so that a misconfigured
 * deployment is fixed in one edit, not one restart per variable.
 */

// Empty strings count as unset: `FOO=` in a .env file means "use the default", not "use ''".
const unset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema);

const optionalString = unset(z.string().optional());

/** Bounds of a number variable: above a value (exclusive), or from `min` (up to `max`, inclusive). */
type NumberRule = ({ above: number } | { min: number; max?: number }) & {
  /** Prices may have fractions; everything else is whole. */
  fractions?: true;
};

/**
 * A number variable within its bounds. Unset (or empty) is `default`; without one, it stays
 * undefined, so that the layer it overrides keeps its own default (src/upstreams/settings.ts).
 */
function number(rule: NumberRule & { default: number }): z.ZodType<number>;
function number(rule: NumberRule): z.ZodType<number | undefined>;
function number(rule: NumberRule & { default?: number }): z.ZodType<number | undefined> {
  const whole = rule.fractions !== true;
  let schema = z.number({ error: whole ? "must be a whole number" : "must be a number" });
  if (whole) schema = schema.int("must be a whole number");
  if ("above" in rule) {
    schema = schema.gt(rule.above, `must be greater than ${rule.above}`);
  } else {
    const range = rule.max === undefined ? `${rule.min} or more` : `${rule.min}..${rule.max}`;
    schema = schema.min(rule.min, `must be ${range}`);
    if (rule.max !== undefined) schema = schema.max(rule.max, `must be ${range}`);
  }
  return z.preprocess(
    (v) => (v === undefined || v === "" ? rule.default : Number(v)),
    rule.default === undefined ? schema.optional() : schema,
  );
}

const PORT_RANGE = { min: 0, max: 65535 } as const;

/**
 * A true/false variable, spelled out (z.coerce.boolean() would read "false" as true). Unset (or
 * empty) is `fallback`; without one it stays undefined, for a default that depends on others.
 */
function flag(fallback: boolean): z.ZodType<boolean>;
function flag(): z.ZodType<boolean | undefined>;
function flag(fallback?: boolean): z.ZodType<boolean | undefined> {
  const schema = z.preprocess(
    (v) =>
      v === undefined || v === ""
        ? fallback === undefined
          ? undefined
          : String(fallback)
        : String(v).toLowerCase(),
    z
      .enum(["true", "false", "1", "0"], { error: "must be true or false" })
      .transform((v) => v === "true" || v === "1")
      .optional(),
  );
  // An absent key never reaches the preprocess of an optional schema: the default covers it.
  return fallback === undefined ? schema : schema.default(fallback);
}

/** `*`, or origins separated by commas (scheme, host and port, as a browser sends `Origin`). */
const corsOrigins = unset(
  z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((o) => o.trim())
        .filter((o) => o !== ""),
    )
    .refine((origins) => origins.every((o) => o === "*" || isOrigin(o)), {
      message: "must be * or origins such as https://shop.example, separated by commas",
    })
    .optional(),
);

function isOrigin(text: string): boolean {
  return URL.canParse(text) && new URL(text).origin === text;
}

/** Pence, fractions allowed; the cost layer's price when unset. */
const price = (name: keyof Prices) =>
  number({ min: 0, fractions: true, default: DEFAULT_COST_POLICY.prices[name] });

/** The credentials the emulators accept when none are configured (and the gateway then sends). */
export const EMULATOR_DEFAULT_CARCUTTER_TOKEN = "emulator-carcutter-token";
export const EMULATOR_DEFAULT_ONEAUTO_KEY = "emulator-oneauto-key";
export const EMULATOR_DEFAULT_CUSTOMER = "forecourt-demo";

const httpUrl = unset(
  z
    .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" })
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
);

/** The longest an emulator may hold a request, as for its scripted "latency" fault. */
export const MAX_EMULATOR_LATENCY_MS = 120_000;

/**
 * What each emulator's latency setting may name: its API's operations, and for OneAuto the object
 * store behind its signed links, which answers browsers rather than the gateway and is therefore
 * held only when named.
 */
export const EMULATOR_LATENCY_OPERATIONS = {
  carcutter: { api: Object.values(CARCUTTER).map((op) => op.name), others: [] },
  oneauto: { api: Object.values(ONEAUTO).map((op) => op.name), others: ["GET /cdn"] },
} as const satisfies Record<string, { api: readonly string[]; others: readonly string[] }>;

type EmulatorName = keyof typeof EMULATOR_LATENCY_OPERATIONS;

/** A latency setting as written: a value for every API operation, and single operations. */
interface LatencySetting {
  /** Undefined: the default (the typical latencies under `npm start` outside production, else 0). */
  every: number | "demo" | undefined;
  named: Record<string, number>;
}

/**
 * `<ms>` (every API operation), `demo` (each at its typical latency, src/upstreams/typical-latency.ts),
 * and/or `METHOD /path=<ms>` items, separated by commas: named operations take their own value,
 * the others the first item's, or the default without one. Every bad item is reported.
 */
function emulatorLatency(emulator: EmulatorName, label: string, example: string) {
  const { api, others } = EMULATOR_LATENCY_OPERATIONS[emulator];
  const known: readonly string[] = [...api, ...others];
  const rule = `give a whole number of milliseconds 0..${MAX_EMULATOR_LATENCY_MS} for every operation, "demo" for typical ones, and/or "METHOD /path=ms" items separated by commas, e.g. "${example}"`;
  return unset(
    z
      .string()
      .transform((text, ctx): LatencySetting => {
        const setting: LatencySetting = { every: undefined, named: {} };
        const problem = (message: string) => ctx.addIssue({ code: "custom", message });
        let givenForEvery = false;
        for (const raw of text.split(",")) {
          const item = raw.trim();
          if (item === "") continue;
          const at = item.lastIndexOf("=");
          if (at < 0) {
            const every = item === "demo" ? item : milliseconds(item);
            if (givenForEvery) {
              problem(`"${item}": a value for every operation is given twice; ${rule}`);
            } else if (every === undefined) problem(`"${item}" is not milliseconds: ${rule}`);
            else setting.every = every;
            givenForEvery = true;
            continue;
          }
          const name = item.slice(0, at).trim().replace(/\s+/g, " ");
          const value = item.slice(at + 1).trim();
          const ms = milliseconds(value);
          if (!known.includes(name)) {
            problem(
              `"${item}": ${name || "(nothing)"} is not a ${label} operation; one of: ${known.join(", ")}`,
            );
          } else if (ms === undefined) {
            problem(`"${item}": "${value}" is not milliseconds: ${rule}`);
          } else if (name in setting.named) {
            problem(`"${item}": ${name} is named twice`);
          } else setting.named[name] = ms;
        }
        return setting;
      })
      .optional(),
  );
}

function milliseconds(text: string): number | undefined {
  if (!/^\d{1,9}$/.test(text)) return undefined;
  const ms = Number(text);
  return ms <= MAX_EMULATOR_LATENCY_MS ? ms : undefined;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const envSchema = z.object({
  PORT: number({ ...PORT_RANGE, default: 4000 }),
  HOST: unset(z.string().default("127.0.0.1")),
  PUBLIC_URL: httpUrl,
  LOG_LEVEL: unset(
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
  CARCUTTER_BASE_URL: httpUrl,
  ONEAUTO_BASE_URL: httpUrl,
  UPSTREAM_CONNECT_TIMEOUT_MS: number({ above: 0 }),
  UPSTREAM_HEADERS_TIMEOUT_MS: number({ above: 0 }),
  UPSTREAM_BODY_TIMEOUT_MS: number({ above: 0 }),
  UPSTREAM_DEADLINE_MS: number({ above: 0 }),
  UPSTREAM_MAX_RETRIES: number({ min: 0 }),
  UPSTREAM_RETRY_BASE_DELAY_MS: number({ above: 0 }),
  UPSTREAM_MAX_RESPONSE_BYTES: number({ above: 0 }),
  UPSTREAM_BREAKER_FAILURES: number({ above: 0 }),
  UPSTREAM_BREAKER_HALF_OPEN_MS: number({ above: 0 }),
  UPLOAD_MAX_BYTES: number({ above: 0, default: 5 * 1024 * 1024 }),
  RESULT_LINK_SECRET: unset(z.string().min(32, "must be at least 32 characters").optional()),
  RESULT_LINK_TTL_SECONDS: number({ above: 0, default: 3600 }),
  REDIS_URL: unset(
    z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
  ),
  CACHE_MAX_ENTRIES: number({ above: 0, default: 10_000 }),
  CACHE_MAX_BYTES: number({ above: 0, default: 32 * 1024 * 1024 }),
  CACHE_NAMESPACE: unset(
    z
      .string()
      .regex(
        /^[A-Za-z0-9_.-]{1,64}$/,
        "must be 1 to 64 letters, digits, dots, dashes or underscores",
      )
      .default("forecourt"),
  ),
  STOCK_LINK_SAFETY_MARGIN_MS: number({ min: 0, default: 60 * 60 * 1000 }),
  IDENTIFICATION_CACHE_TTL_MS: number({ min: 0, default: 6 * 60 * 60 * 1000 }),
  PRICE_ONEAUTO_IMAGE_LINK_PENCE: price("oneautoImageLink"),
  PRICE_ONEAUTO_VIN_SEARCH_PENCE: price("oneautoVinSearch"),
  PRICE_ONEAUTO_VRM_SEARCH_PENCE: price("oneautoVrmSearch"),
  PRICE_CARCUTTER_IMAGE_PENCE: price("carcutterImage"),
  COST_MAX_UPSTREAM_CALLS_PER_OPERATION: number({
    min: 1,
    default: DEFAULT_COST_POLICY.maxUpstreamCallsPerOperation,
  }),
  COST_MAX_RESULT_SIZE: number({ min: 1, default: DEFAULT_COST_POLICY.maxResultSize }),
  COST_MAX_PAID_CALLS_PER_OPERATION: number({
    above: 0,
    default: DEFAULT_COST_POLICY.maxPaidCallsPerOperation,
  }),
  DATABASE_URL: unset(
    z
      .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
      .optional(),
  ),
  FORECOURT_DATA_DIR: unset(z.string().default("./.forecourt")),
  WEBHOOK_SECRET: unset(z.string().min(32, "must be at least 32 characters").optional()),
  POLL_INTERVAL_MS: number({ above: 0, default: 5000 }),
  POLL_MAX_CALLS_PER_MINUTE: number({ above: 0, default: 60 }),
  TRUSTED_DOCUMENTS_ONLY: flag(false),
  FEDERATION: flag(false),
  FEDERATION_ROUTER_KEY: unset(z.string().min(32, "must be at least 32 characters").optional()),
  NODE_ENV: unset(z.string().default("development")),
  GRAPHQL_INTROSPECTION: flag(),
  GRAPHIQL: flag(),
  SHOWROOM: flag(),
  METRICS: flag(true),
  SHARE_INFLIGHT_READS: flag(true),
  OTEL_SDK_DISABLED: flag(false),
  OTEL_TRACES_EXPORTER: unset(
    z.enum(["otlp", "none"], { error: "must be otlp or none" }).optional(),
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: unset(
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  ),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: unset(
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  ),
  OTEL_EXPORTER_OTLP_HEADERS: unset(z.string().optional()),
  OTEL_SERVICE_NAME: unset(z.string().default("forecourt")),
  DRAIN_DELAY_MS: number({ min: 0, default: 5000 }),
  SHUTDOWN_GRACE_MS: number({ min: 0, default: 25_000 }),
  METRICS_TOKEN: unset(z.string().min(16, "must be at least 16 characters").optional()),
  SHOWROOM_DIR: unset(z.string().default("dist/showroom")),
  GRAPHQL_SUGGESTIONS: flag(),
  CORS_ORIGINS: corsOrigins,
  GRAPHQL_MAX_DEPTH: number({ min: 1, default: DEFAULT_DOCUMENT_LIMITS.maxDepth }),
  GRAPHQL_MAX_ALIASES: number({ min: 1, default: DEFAULT_DOCUMENT_LIMITS.maxAliases }),
  GRAPHQL_MAX_TOKENS: number({ min: 1, default: DEFAULT_DOCUMENT_LIMITS.maxTokens }),
  GRAPHQL_MAX_DIRECTIVES: number({ min: 1, default: DEFAULT_DOCUMENT_LIMITS.maxDirectives }),
  GRAPHQL_MAX_DOCUMENT_BYTES: number({ min: 1, default: DEFAULT_DOCUMENT_LIMITS.maxDocumentBytes }),
  // Past a thousand or so, the parsers' own recursion is at risk again.
  GRAPHQL_MAX_NESTING: number({ min: 1, max: 1000, default: DEFAULT_DOCUMENT_LIMITS.maxNesting }),
  MAX_REQUESTS_IN_FLIGHT: number({ min: 1, default: 512 }),
  ADAPTIVE_CONCURRENCY: flag(true),
  MAX_UPSTREAM_CALLS_PER_OPERATION: number({
    min: 1,
    default: DEFAULT_OPERATION_LIMITS.maxUpstreamCallsPerOperation,
  }),
  REQUEST_TIMEOUT_MS: number({ above: 0, default: DEFAULT_OPERATION_LIMITS.requestTimeoutMs }),
  HTTP_HEADERS_TIMEOUT_MS: number({ above: 0, default: 10_000 }),
  HTTP_REQUEST_TIMEOUT_MS: number({ above: 0, default: 120_000 }),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: number({ above: 0, default: 5_000 }),
  TRUSTED_DOCUMENTS_PATH: unset(z.string().default("examples/src/gql/persisted-documents.json")),
  CLIENTS_PATH: optionalString,
  CLIENT_REQUESTS_PER_MINUTE: number({ min: 0, default: DEFAULT_CLIENT_LIMITS.requestsPerMinute }),
  CLIENT_PENCE_PER_DAY: number({ min: 0, default: DEFAULT_CLIENT_LIMITS.pencePerDay }),
  CLIENT_MAX_SUBSCRIPTIONS: number({ min: 0, default: DEFAULT_CLIENT_LIMITS.maxSubscriptions }),
  CARCUTTER_MAX_REQUESTS_PER_SECOND: number({ above: 0 }),
  ONEAUTO_MAX_REQUESTS_PER_SECOND: number({ above: 0 }),
  CARCUTTER_API_TOKEN: optionalString,
  CARCUTTER_CUSTOMER: optionalString,
  ONEAUTO_API_KEY: optionalString,
  CARCUTTER_EMULATOR_PORT: number({ ...PORT_RANGE, default: 4010 }),
  ONEAUTO_EMULATOR_PORT: number({ ...PORT_RANGE, default: 4020 }),
  EMULATOR_HOST: unset(z.string().min(1).default("127.0.0.1")),
  ONEAUTO_EMULATOR_LINK_BASE_URL: httpUrl,
  CARCUTTER_EMULATOR_STEP_MS: number({ above: 0, default: 2000 }),
  CARCUTTER_EMULATOR_CREDITS: number({ min: 0, default: 10_000 }),
  CARCUTTER_EMULATOR_RETENTION_MS: number({ above: 0, default: 30 * 24 * 60 * 60 * 1000 }),
  CARCUTTER_EMULATOR_LATENCY_MS: emulatorLatency(
    "carcutter",
    "CarCutter",
    "GET /vehicle/status=30,POST /vehicle/image/submission=150",
  ),
  ONEAUTO_EMULATOR_LATENCY_MS: emulatorLatency(
    "oneauto",
    "OneAuto",
    "GET /vehicleimagery/imagefromid=400,GET /vehicleimagery/imagesearch=250",
  ),
});

/** Every variable this process reads. */
export const ENVIRONMENT_VARIABLES = Object.keys(envSchema.shape);

/**
 * How long an emulator holds each request before answering it, by operation ("GET /vehicle/status"),
 * in milliseconds; every operation its setting may name is listed, 0 for none.
 */
export type EmulatorLatency = Readonly<Record<string, number>>;

export interface EmulatorConfig {
  /** The address both emulators listen on (127.0.0.1; 0.0.0.0 in a container of their own). */
  host: string;
  carcutter: {
    port: number;
    token: string;
    customer: string;
    stepMs: number;
    credits: number;
    retentionMs: number;
    latencyMs: EmulatorLatency;
  };
  oneauto: {
    port: number;
    apiKey: string;
    latencyMs: EmulatorLatency;
    /**
     * Where a browser reaches the emulator's signed links (origin and path prefix, before
     * `/cdn/…`); unset, the origin each link request came to, or the gateway's own when embedded.
     */
    linkBaseUrl: string | undefined;
  };
}

export interface Config {
  emulators: EmulatorConfig;
  gateway: {
    host: string;
    port: number;
    /** Origin that browsers and CarCutter reach this gateway at; derived from HOST/PORT when unset. */
    publicUrl: string | undefined;
    logLevel: (typeof LOG_LEVELS)[number];
    maxUploadBytes: number;
    /** Undefined: a random secret per process (result links then die with a restart). */
    resultLinkSecret: string | undefined;
    resultLinkTtlSeconds: number;
    /** Execute only the operations of the manifest at `path`. */
    trustedDocuments: { only: boolean; path: string };
    /** NODE_ENV=production: introspection, GraphiQL and suggestions default to off. */
    production: boolean;
    introspection: boolean;
    graphiql: boolean;
    /** The showroom web app at `/` (dist/showroom, built by `npm run build`); off in production. */
    showroom: { enabled: boolean; dir: string };
    /** `/metrics` (Prometheus); without a token, loopback scrapers only, and none in production. */
    metrics: { enabled: boolean; token: string | undefined };
    /** On SIGTERM: how long to keep serving while /ready says 503, then to let requests finish. */
    drain: { delayMs: number; graceMs: number };
    /** "Did you mean …" in validation errors. */
    suggestions: boolean;
    /** Origins browsers may call from (`*`: any); empty: same origin only. */
    corsOrigins: readonly string[];
    /** Backstops behind the cost estimate, per operation. */
    limits: DocumentLimits;
    /** Runtime caps of one operation: upstream calls per upstream, and its time. */
    operation: OperationLimits;
    /**
     * FEDERATION=true: served as a federation v2 subgraph (`_service`, `_entities`), whose entry
     * points answer only requests carrying the router's key (FEDERATION_ROUTER_KEY).
     */
    federation: { routerKey: string } | undefined;
    /** Node's HTTP server: requests handled at once (beyond: 503), and its timeouts. */
    http: {
      maxRequestsInFlight: number;
      /**
       * GraphQL requests worked on at once follow the event loop's load; the rest wait their turn
       * (src/gateway/concurrency-limit.ts). False: every request starts as it arrives.
       */
      adaptiveConcurrency: boolean;
      headersTimeoutMs: number;
      requestTimeoutMs: number;
      keepAliveTimeoutMs: number;
    };
  };
  cache: {
    /** Undefined: an in-process LRU; otherwise Redis, shared by every instance. */
    redisUrl: string | undefined;
    /** Bounds of the in-process cache (alone, or in front of Redis): entries, and bytes of JSON. */
    maxEntries: number;
    maxBytes: number;
    /** Key prefix, so deployments (or test runs) sharing one Redis never read each other's entries. */
    namespace: string;
    /** A stock link is kept until this long before the expiry written in it. */
    stockLinkSafetyMarginMs: number;
    /** How long VIN, registration and search results are kept (0 turns it off). */
    identificationTtlMs: number;
  };
  /** OpenTelemetry traces (the standard OTEL_* variables); "none" unless an endpoint is set. */
  tracing: {
    exporter: "otlp" | "none";
    /** Where spans are POSTed (OTLP/HTTP, JSON). */
    url: string | undefined;
    headers: Record<string, string>;
    serviceName: string;
  };
  ledger: {
    /** PostgreSQL when set (shared by every instance; migrated at start), else a file store. */
    databaseUrl: string | undefined;
    /** Where the embedded store keeps its file. */
    dataDir: string;
  };
  events: {
    /**
     * Bearer key CarCutter must send on webhooks (`webhook_response_auth_key`). Undefined: a random
     * key per process, which only works with one instance. Webhooks need PUBLIC_URL as well.
     */
    webhookSecret: string | undefined;
    /** How often non-terminal images of active subscriptions are refreshed from CarCutter. */
    pollIntervalMs: number;
    /** Upper bound on the poller's status calls per minute (per instance). */
    pollMaxCallsPerMinute: number;
  };
  /** Prices and the per-operation budget of paid calls; DEFAULT_COST_POLICY where unset. */
  cost: CostPolicy;
  clients: {
    /** The clients file; undefined: the gateway is open (limits per source address). */
    path: string | undefined;
    /** Limits of a client that names none, and of each source address when open. */
    defaults: ClientLimits;
  };
  upstreams: {
    /** An undefined base URL means: use the embedded emulator. */
    carcutter: { baseUrl: string | undefined; token: string; customer: string };
    oneauto: { baseUrl: string | undefined; apiKey: string };
    /** Only what the environment overrides; the rest comes from defaultHttpSettings(). */
    http: Partial<HttpSettings>;
    /** Calls per second all instances together may make to each upstream; undefined: no cap. */
    maxRequestsPerSecond: { carcutter: number | undefined; oneauto: number | undefined };
    /** Identical reads in flight at once share one call, across requests (read-your-writes kept). */
    shareReads: boolean;
  };
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

export interface LoadConfigOptions {
  /**
   * A process a person runs to try the gateway (`npm start`, `npm run dev`, `npm run emulators`):
   * emulators whose latency is unset then answer in typical upstream time, unless NODE_ENV is
   * production. Tests, the benchmark and other callers leave it off, so their emulators answer at
   * once unless they set a latency.
   */
  demoLatency?: boolean;
}

/** What a process started by hand reads: its environment, with the demo's emulator latencies. */
export function loadProcessConfig(): Config {
  return loadConfig(process.env, { demoLatency: true });
}

export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: LoadConfigOptions = {},
): Config {
  const parsed = envSchema
    .superRefine(
      (e, ctx) => {
        // Real upstreams need real credentials; the emulators' defaults would only earn a 401.
        const needs = [
          ["CARCUTTER_BASE_URL", "CARCUTTER_API_TOKEN"],
          ["CARCUTTER_BASE_URL", "CARCUTTER_CUSTOMER"],
          ["ONEAUTO_BASE_URL", "ONEAUTO_API_KEY"],
        ] as const;
        for (const [url, needed] of needs) {
          if (e[url] !== undefined && e[needed] === undefined) {
            ctx.addIssue({
              code: "custom",
              path: [needed],
              message: `required when ${url} is set`,
            });
          }
        }
        // A subgraph without the router's key would serve `_entities` to anyone who finds it.
        if (e.FEDERATION === true && e.FEDERATION_ROUTER_KEY === undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["FEDERATION_ROUTER_KEY"],
            message:
              "required when FEDERATION is true: the key the router sends (x-router-key) so that only it may call _entities and _service",
          });
        }
        // The router writes its own documents from each query plan; no manifest can list them.
        if (e.FEDERATION === true && e.TRUSTED_DOCUMENTS_ONLY === true) {
          ctx.addIssue({
            code: "custom",
            path: ["TRUSTED_DOCUMENTS_ONLY"],
            message:
              "cannot be true with FEDERATION=true: the router's query plans are not in the manifest; keep trusted documents at the router (Hive Gateway's persisted documents) instead",
          });
        }
      },
      // zod skips this check once another variable failed (e.g. an invalid PUBLIC_URL), which hid
      // these problems until the next restart. It only tests presence, which the raw values of
      // failed variables still show correctly.
      { when: () => true },
    )
    .safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  // A production process with an emulator is a benchmark or a smoke test (the peers' harness
  // runs dist/main.js so): time added by default would only skew what it measures.
  const demoLatency = options.demoLatency === true && !production;
  const defaultBreaker = defaultHttpSettings("carcutter").breaker;
  return {
    gateway: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: e.PUBLIC_URL,
      logLevel: e.LOG_LEVEL,
      maxUploadBytes: e.UPLOAD_MAX_BYTES,
      resultLinkSecret: e.RESULT_LINK_SECRET,
      resultLinkTtlSeconds: e.RESULT_LINK_TTL_SECONDS,
      trustedDocuments: { only: e.TRUSTED_DOCUMENTS_ONLY, path: e.TRUSTED_DOCUMENTS_PATH },
      production,
      // GraphiQL's Docs pane and completion need introspection: GRAPHIQL=true brings it along.
      introspection: e.GRAPHQL_INTROSPECTION ?? (!production || e.GRAPHIQL === true),
      graphiql: e.GRAPHIQL ?? !production,
      showroom: { enabled: e.SHOWROOM ?? !production, dir: e.SHOWROOM_DIR },
      metrics: { enabled: e.METRICS, token: e.METRICS_TOKEN },
      drain: { delayMs: e.DRAIN_DELAY_MS, graceMs: e.SHUTDOWN_GRACE_MS },
      suggestions: e.GRAPHQL_SUGGESTIONS ?? !production,
      corsOrigins: e.CORS_ORIGINS ?? [],
      limits: {
        maxDepth: e.GRAPHQL_MAX_DEPTH,
        maxAliases: e.GRAPHQL_MAX_ALIASES,
        maxTokens: e.GRAPHQL_MAX_TOKENS,
        maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
        maxDocumentBytes: e.GRAPHQL_MAX_DOCUMENT_BYTES,
        maxNesting: e.GRAPHQL_MAX_NESTING,
      },
      federation:
        e.FEDERATION && e.FEDERATION_ROUTER_KEY !== undefined
          ? { routerKey: e.FEDERATION_ROUTER_KEY }
          : undefined,
      operation: {
        maxUpstreamCallsPerOperation: e.MAX_UPSTREAM_CALLS_PER_OPERATION,
        requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      },
      http: {
        maxRequestsInFlight: e.MAX_REQUESTS_IN_FLIGHT,
        adaptiveConcurrency: e.ADAPTIVE_CONCURRENCY,
        headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
        requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
        keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      },
    },
    cache: {
      redisUrl: e.REDIS_URL,
      maxEntries: e.CACHE_MAX_ENTRIES,
      maxBytes: e.CACHE_MAX_BYTES,
      namespace: e.CACHE_NAMESPACE,
      stockLinkSafetyMarginMs: e.STOCK_LINK_SAFETY_MARGIN_MS,
      identificationTtlMs: e.IDENTIFICATION_CACHE_TTL_MS,
    },
    ledger: { databaseUrl: e.DATABASE_URL, dataDir: e.FORECOURT_DATA_DIR },
    tracing: tracingOf(e),
    events: {
      webhookSecret: e.WEBHOOK_SECRET,
      pollIntervalMs: e.POLL_INTERVAL_MS,
      pollMaxCallsPerMinute: e.POLL_MAX_CALLS_PER_MINUTE,
    },
    cost: {
      prices: {
        oneautoImageLink: e.PRICE_ONEAUTO_IMAGE_LINK_PENCE,
        oneautoVinSearch: e.PRICE_ONEAUTO_VIN_SEARCH_PENCE,
        oneautoVrmSearch: e.PRICE_ONEAUTO_VRM_SEARCH_PENCE,
        carcutterImage: e.PRICE_CARCUTTER_IMAGE_PENCE,
      },
      maxPaidCallsPerOperation: e.COST_MAX_PAID_CALLS_PER_OPERATION,
      maxUpstreamCallsPerOperation: e.COST_MAX_UPSTREAM_CALLS_PER_OPERATION,
      maxResultSize: e.COST_MAX_RESULT_SIZE,
    },
    clients: {
      path: e.CLIENTS_PATH,
      defaults: {
        requestsPerMinute: e.CLIENT_REQUESTS_PER_MINUTE,
        pencePerDay: e.CLIENT_PENCE_PER_DAY,
        maxSubscriptions: e.CLIENT_MAX_SUBSCRIPTIONS,
      },
    },
    upstreams: {
      maxRequestsPerSecond: {
        carcutter: e.CARCUTTER_MAX_REQUESTS_PER_SECOND,
        oneauto: e.ONEAUTO_MAX_REQUESTS_PER_SECOND,
      },
      carcutter: {
        baseUrl: e.CARCUTTER_BASE_URL,
        token: e.CARCUTTER_API_TOKEN ?? EMULATOR_DEFAULT_CARCUTTER_TOKEN,
        customer: e.CARCUTTER_CUSTOMER ?? EMULATOR_DEFAULT_CUSTOMER,
      },
      oneauto: {
        baseUrl: e.ONEAUTO_BASE_URL,
        apiKey: e.ONEAUTO_API_KEY ?? EMULATOR_DEFAULT_ONEAUTO_KEY,
      },
      shareReads: e.SHARE_INFLIGHT_READS,
      http: definedOnly({
        connectTimeoutMs: e.UPSTREAM_CONNECT_TIMEOUT_MS,
        headersTimeoutMs: e.UPSTREAM_HEADERS_TIMEOUT_MS,
        bodyTimeoutMs: e.UPSTREAM_BODY_TIMEOUT_MS,
        deadlineMs: e.UPSTREAM_DEADLINE_MS,
        maxRetries: e.UPSTREAM_MAX_RETRIES,
        retryBaseDelayMs: e.UPSTREAM_RETRY_BASE_DELAY_MS,
        maxResponseBytes: e.UPSTREAM_MAX_RESPONSE_BYTES,
        ...(e.UPSTREAM_BREAKER_FAILURES !== undefined ||
        e.UPSTREAM_BREAKER_HALF_OPEN_MS !== undefined
          ? {
              breaker: {
                consecutiveFailures:
                  e.UPSTREAM_BREAKER_FAILURES ?? defaultBreaker.consecutiveFailures,
                halfOpenAfterMs: e.UPSTREAM_BREAKER_HALF_OPEN_MS ?? defaultBreaker.halfOpenAfterMs,
              },
            }
          : {}),
      }),
    },
    emulators: {
      host: e.EMULATOR_HOST,
      carcutter: {
        port: e.CARCUTTER_EMULATOR_PORT,
        token: e.CARCUTTER_API_TOKEN ?? EMULATOR_DEFAULT_CARCUTTER_TOKEN,
        customer: e.CARCUTTER_CUSTOMER ?? EMULATOR_DEFAULT_CUSTOMER,
        stepMs: e.CARCUTTER_EMULATOR_STEP_MS,
        credits: e.CARCUTTER_EMULATOR_CREDITS,
        retentionMs: e.CARCUTTER_EMULATOR_RETENTION_MS,
        latencyMs: emulatorLatencyOf("carcutter", e.CARCUTTER_EMULATOR_LATENCY_MS, demoLatency),
      },
      oneauto: {
        port: e.ONEAUTO_EMULATOR_PORT,
        apiKey: e.ONEAUTO_API_KEY ?? EMULATOR_DEFAULT_ONEAUTO_KEY,
        linkBaseUrl: e.ONEAUTO_EMULATOR_LINK_BASE_URL,
        latencyMs: emulatorLatencyOf("oneauto", e.ONEAUTO_EMULATOR_LATENCY_MS, demoLatency),
      },
    },
  };
}

/** Every operation the setting may name, with its latency: named, else the setting's or default. */
function emulatorLatencyOf(
  emulator: EmulatorName,
  setting: LatencySetting | undefined,
  demo: boolean,
): EmulatorLatency {
  const { api, others } = EMULATOR_LATENCY_OPERATIONS[emulator];
  const typical = typicalLatencyByName(emulator);
  const every = setting?.every ?? (demo ? "demo" : 0);
  const table: Record<string, number> = {};
  for (const name of api) table[name] = every === "demo" ? (typical[name] ?? 0) : every;
  for (const name of others) table[name] = 0;
  return { ...table, ...setting?.named };
}

function definedOnly<T extends object>(
  values: T,
): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<{
    [K in keyof T]: Exclude<T[K], undefined>;
  }>;
}

/** The OTLP traces endpoint as OpenTelemetry's own SDKs read the variables. */
function tracingOf(e: z.infer<typeof envSchema>): Config["tracing"] {
  const url =
    e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    (e.OTEL_EXPORTER_OTLP_ENDPOINT
      ? `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, "")}/v1/traces`
      : undefined);
  const wanted = e.OTEL_TRACES_EXPORTER ?? (url ? "otlp" : "none");
  const headers: Record<string, string> = {};
  for (const pair of (e.OTEL_EXPORTER_OTLP_HEADERS ?? "").split(",")) {
    const at = pair.indexOf("=");
    if (at > 0) headers[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return {
    exporter: e.OTEL_SDK_DISABLED || !url ? "none" : wanted,
    url,
    headers,
    serviceName: e.OTEL_SERVICE_NAME,
  };
}
