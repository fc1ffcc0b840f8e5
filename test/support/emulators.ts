import type { IncomingHttpHeaders } from "node:http";
import type { Hono } from "hono";
import {
  CarCutterEmulator,
  type CarCutterEmulatorOptions,
} from "../../src/emulators/carcutter/emulator.js";
import { ManualClock } from "../../src/emulators/clock.js";
import type { EmulatorControl } from "../../src/emulators/control.js";
import {
  OneAutoEmulator,
  type OneAutoEmulatorOptions,
} from "../../src/emulators/oneauto/emulator.js";
import { listen, type RunningServer } from "../../src/emulators/serve.js";
import {
  type CarCutterClient,
  type CreateCarCutterClientOptions,
  createCarCutterClient,
} from "../../src/upstreams/carcutter/client.js";
import type { UpstreamCallEvent } from "../../src/upstreams/http.js";
import {
  type CreateOneAutoClientOptions,
  createOneAutoClient,
  type OneAutoClient,
} from "../../src/upstreams/oneauto/client.js";
import { imageFromIdResponseDto } from "../../src/upstreams/oneauto/dto.js";
import { API_KEY, CUSTOMER, TOKEN } from "./credentials.js";
import { FAST, startFakeUpstream } from "./upstream-clients.js";

/**
 * The CarCutter and OneAuto emulators on free ports, driven by a ManualClock: called over HTTP
 * directly, or through the gateway's upstream clients.
 */

export const STEP_MS = 1000;
export const RETENTION_MS = 60_000;
/** Three quick webhook retries, for suites that count the attempts of a webhook. */
export const THREE_WEBHOOK_RETRIES_MS: readonly number[] = [10, 20, 30];

type ClientOverrides<T> = Partial<Omit<T, "baseUrl" | "onCall">>;

/** What either harness holds: the emulator on its port, its clock, and upstream clients over it. */
interface EmulatorHarness<TEmulator, TClientOptions, TClient> {
  emulator: TEmulator;
  clock: ManualClock;
  server: RunningServer;
  /** Every attempt of every client this harness made. */
  events: UpstreamCallEvent[];
  /** A client over a fresh UpstreamHttp (closed by `close()`). */
  client(overrides?: ClientOverrides<TClientOptions>): TClient;
  count(operation: string): number;
  close(): Promise<void>;
}

interface Emulator {
  readonly app: Hono;
  readonly control: EmulatorControl;
  close?(): Promise<void>;
}

/** Serves `emulator` on a free port; `createClient` makes clients over it, closed with it. */
async function serveEmulator<
  TEmulator extends Emulator,
  TClientOptions,
  TClient extends { http: { close(): Promise<void> } },
>(
  emulator: TEmulator,
  clock: ManualClock,
  createClient: (
    baseUrl: string,
    overrides: ClientOverrides<TClientOptions> | undefined,
    onCall: (event: UpstreamCallEvent) => void,
  ) => TClient,
): Promise<EmulatorHarness<TEmulator, TClientOptions, TClient>> {
  const server = await listen(emulator.app, 0);
  const clients: TClient[] = [];
  const events: UpstreamCallEvent[] = [];
  return {
    emulator,
    clock,
    server,
    events,
    client(overrides) {
      const client = createClient(server.url, overrides, (event) => events.push(event));
      clients.push(client);
      return client;
    },
    count: (operation) => emulator.control.count(operation),
    async close() {
      await Promise.all(clients.map((c) => c.http.close()));
      await server.close();
      await emulator.close?.();
    },
  };
}

export interface CallOptions {
  query?: Record<string, string | readonly string[]>;
  form?: FormData;
  json?: unknown;
  /** Sent as is, with `headers` giving its content type. */
  body?: string | Uint8Array;
  /** null sends no Authorization header. */
  token?: string | null;
  headers?: Record<string, string>;
}

export interface CarCutterHarness
  extends EmulatorHarness<CarCutterEmulator, CreateCarCutterClientOptions, CarCutterClient> {
  /** Calls the API with the valid bearer token unless `options.token` says otherwise. */
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
  /** Calls and reads a JSON body, whatever the status. */
  callJson<T = unknown>(
    method: string,
    path: string,
    options?: CallOptions,
  ): Promise<{ status: number; body: T; headers: Headers }>;
}

/**
 * A CarCutter emulator on a free port, driven by a ManualClock, without seed data unless asked;
 * a webhook that fails is retried once, after 10 ms, unless `webhookRetryDelaysMs` says otherwise.
 */
export async function startCarCutter(
  options: Partial<CarCutterEmulatorOptions> = {},
): Promise<CarCutterHarness> {
  const clock = new ManualClock();
  const emulator = new CarCutterEmulator({
    token: TOKEN,
    customer: CUSTOMER,
    stepMs: STEP_MS,
    credits: 1000,
    retentionMs: RETENTION_MS,
    clock,
    seed: false,
    webhookRetryDelaysMs: [10],
    ...options,
  });
  const harness = await serveEmulator<
    CarCutterEmulator,
    CreateCarCutterClientOptions,
    CarCutterClient
  >(emulator, clock, (baseUrl, overrides, onCall) =>
    createCarCutterClient({
      ...FAST,
      random: () => 0.5,
      token: TOKEN,
      customer: CUSTOMER,
      ...overrides,
      baseUrl,
      onCall,
    }),
  );
  const call = (method: string, path: string, options: CallOptions = {}) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(options.query ?? {})) {
      for (const item of typeof value === "string" ? [value] : value) query.append(name, item);
    }
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== null) headers.authorization = `Bearer ${options.token ?? TOKEN}`;
    let body: NonNullable<RequestInit["body"]> | null = null;
    if (options.form) body = options.form;
    else if (options.json !== undefined) {
      headers["content-type"] ??= "application/json";
      body = JSON.stringify(options.json);
    } else if (options.body !== undefined) {
      body = typeof options.body === "string" ? options.body : new Uint8Array(options.body);
    }
    const qs = query.size > 0 ? `?${query}` : "";
    return fetch(`${harness.server.url}${path}${qs}`, { method, headers, body });
  };
  return {
    ...harness,
    call,
    async callJson<T>(method: string, path: string, options?: CallOptions) {
      const res = await call(method, path, options);
      const text = await res.text();
      return { status: res.status, body: JSON.parse(text) as T, headers: res.headers };
    },
  };
}

/** A multipart body; arrays repeat the field, Blobs become file parts. */
export function form(fields: Record<string, string | readonly string[] | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") data.append(name, value);
    else if (value instanceof Blob) data.append(name, value, `${name}.png`);
    else for (const item of value) data.append(name, item);
  }
  return data;
}

/** CarCutter's error body. */
export interface ErrorEnvelope {
  code: number;
  message: string;
}

export function urlsFor(count: number, prefix = "https://cdn.dealer.example/stock"): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}/${i}/front-left.jpg`);
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The statuses of the next answers, in order; afterwards 204. */
  answerWith(...statuses: number[]): void;
  close(): Promise<void>;
}

/** A plain node:http server for the emulator's webhooks: it records every call and answers as scripted. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const scripted: number[] = [];
  const server = await startFakeUpstream((req, res, body) => {
    received.push({ headers: req.headers, body });
    res.statusCode = scripted.shift() ?? 204;
    res.end();
  });
  return {
    url: `${server.url}/hooks/carcutter`,
    received,
    answerWith: (...statuses) => scripted.push(...statuses),
    close: () => server.close(),
  };
}

export interface OneAutoHarness
  extends EmulatorHarness<OneAutoEmulator, CreateOneAutoClientOptions, OneAutoClient> {
  /** GET `path` (with query) with the valid API key unless `key` says otherwise (null: none). */
  api(path: string, options?: { key?: string | null; method?: string }): Promise<Response>;
  /** GET /vehicleimagery/imagefromid with `query`; fails the test unless it answers a link. */
  linkFor(query: Record<string, string>): Promise<URL>;
}

/** A OneAuto emulator on a free port, driven by a ManualClock; a random signing secret unless given. */
export async function startOneAuto(
  options: Partial<OneAutoEmulatorOptions> = {},
): Promise<OneAutoHarness> {
  const clock = new ManualClock();
  const emulator = new OneAutoEmulator({ apiKey: API_KEY, clock, ...options });
  const harness = await serveEmulator<OneAutoEmulator, CreateOneAutoClientOptions, OneAutoClient>(
    emulator,
    clock,
    (baseUrl, overrides, onCall) =>
      createOneAutoClient({
        ...FAST,
        random: () => 0.5,
        apiKey: API_KEY,
        ...overrides,
        baseUrl,
        onCall,
      }),
  );
  const api: OneAutoHarness["api"] = (path, options = {}) => {
    const key = options.key === undefined ? API_KEY : options.key;
    const headers: Record<string, string> = key === null ? {} : { "x-api-key": key };
    return fetch(`${harness.server.url}${path}`, { method: options.method ?? "GET", headers });
  };
  return {
    ...harness,
    api,
    async linkFor(query) {
      const res = await api(`/vehicleimagery/imagefromid?${new URLSearchParams(query)}`);
      const text = await res.text();
      if (res.status !== 200) throw new Error(`imagefromid answered ${res.status}: ${text}`);
      return new URL(imageFromIdResponseDto.parse(JSON.parse(text)).result.image_url);
    },
  };
}

/** The colour segment of a signed link's path: the colour actually served. */
export function servedColour(link: URL): string | undefined {
  return link.pathname.split("/")[4];
}
