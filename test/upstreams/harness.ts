import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import {
  CarCutterEmulator,
  type CarCutterEmulatorOptions,
} from "../../src/emulators/carcutter/emulator.js";
import { ManualClock } from "../../src/emulators/clock.js";
import { OneAutoEmulator } from "../../src/emulators/oneauto/emulator.js";
import { listen, type RunningServer } from "../../src/emulators/serve.js";
import {
  isUpstreamError,
  type UpstreamError,
  type UpstreamErrorCode,
  type UpstreamName,
} from "../../src/errors.js";
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
import type { HttpSettings } from "../../src/upstreams/settings.js";

/** Long and distinctive, so that a leak anywhere in an error is found by a substring search. */
export const TOKEN = "cc-secret-token-5d41402abc4b2a76b9719d911017c592";
export const API_KEY = "oa-secret-key-7215ee9c7d9dc229d2921a40e899ec5f";
export const CUSTOMER = "upstream-test-customer";
export const STEP_MS = 1000;
export const RETENTION_MS = 60_000;
export const SECRETS = [TOKEN, API_KEY] as const;

/** Small timeouts and backoffs so the suite stays fast; the breaker out of the way unless asked. */
export const FAST: Required<HttpSettings> = {
  connectTimeoutMs: 1000,
  headersTimeoutMs: 300,
  bodyTimeoutMs: 300,
  maxResponseBytes: 1024 * 1024,
  maxRetries: 2,
  retryBaseDelayMs: 10,
  deadlineMs: 4000,
  breaker: { consecutiveFailures: 100, halfOpenAfterMs: 200 },
  connections: 8,
};

type ClientOverrides<T> = Partial<Omit<T, "baseUrl" | "onCall">>;

export interface CarCutterHarness {
  emulator: CarCutterEmulator;
  clock: ManualClock;
  server: RunningServer;
  /** Every attempt of every client this harness made. */
  events: UpstreamCallEvent[];
  /** A client over a fresh UpstreamHttp (closed by `close()`). */
  client(overrides?: ClientOverrides<CreateCarCutterClientOptions>): CarCutterClient;
  count(operation: string): number;
  close(): Promise<void>;
}

/** A CarCutter emulator on a free port, driven by a ManualClock, without seed data. */
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
  const server = await listen(emulator.app, 0);
  const clients: CarCutterClient[] = [];
  const events: UpstreamCallEvent[] = [];
  return {
    emulator,
    clock,
    server,
    events,
    client(overrides = {}) {
      const client = createCarCutterClient({
        ...FAST,
        random: () => 0.5,
        token: TOKEN,
        customer: CUSTOMER,
        ...overrides,
        baseUrl: server.url,
        onCall: (event) => events.push(event),
      });
      clients.push(client);
      return client;
    },
    count: (operation) => emulator.control.count(operation),
    async close() {
      await Promise.all(clients.map((c) => c.http.close()));
      await server.close();
      await emulator.close();
    },
  };
}

export interface OneAutoHarness {
  emulator: OneAutoEmulator;
  clock: ManualClock;
  server: RunningServer;
  events: UpstreamCallEvent[];
  client(overrides?: ClientOverrides<CreateOneAutoClientOptions>): OneAutoClient;
  count(operation: string): number;
  close(): Promise<void>;
}

export async function startOneAuto(): Promise<OneAutoHarness> {
  const clock = new ManualClock();
  const emulator = new OneAutoEmulator({ apiKey: API_KEY, clock });
  const server = await listen(emulator.app, 0);
  const clients: OneAutoClient[] = [];
  const events: UpstreamCallEvent[] = [];
  return {
    emulator,
    clock,
    server,
    events,
    client(overrides = {}) {
      const client = createOneAutoClient({
        ...FAST,
        random: () => 0.5,
        apiKey: API_KEY,
        ...overrides,
        baseUrl: server.url,
        onCall: (event) => events.push(event),
      });
      clients.push(client);
      return client;
    },
    count: (operation) => emulator.control.count(operation),
    async close() {
      await Promise.all(clients.map((c) => c.http.close()));
      await server.close();
    },
  };
}

export interface ExpectedError {
  code: UpstreamErrorCode;
  upstream: UpstreamName;
  operation: string;
  status?: number;
}

/**
 * Awaits a rejection, checks it is the UpstreamError expected, and checks that no secret appears
 * in its message, its extensions, its JSON form or its log detail.
 */
export async function expectUpstreamError(
  promise: Promise<unknown>,
  expected: ExpectedError,
): Promise<UpstreamError> {
  const error: unknown = await promise.then(
    (value) => {
      throw new Error(`expected ${expected.code}, got a value: ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  if (!isUpstreamError(error)) throw error;
  expect(error.extensions).toMatchObject({
    code: expected.code,
    upstream: expected.upstream,
    operation: expected.operation,
  });
  expect(error.extensions.status).toBe(expected.status);
  expectNoSecrets(error);
  return error;
}

export function expectNoSecrets(error: UpstreamError): void {
  const surfaces = [
    error.message,
    JSON.stringify(error),
    JSON.stringify(error.extensions),
    String(error),
    error.upstreamDetail ?? "",
    error.stack ?? "",
  ];
  for (const surface of surfaces) {
    for (const secret of SECRETS) expect(surface).not.toContain(secret);
    expect(surface).not.toMatch(/Bearer\s/i);
  }
  // Nothing but these keys ever reaches a client.
  for (const key of Object.keys(error.extensions)) {
    expect(["code", "upstream", "operation", "status", "retryAfterSeconds", "circuit"]).toContain(
      key,
    );
  }
  expect(error.extensions.operation).not.toContain("?");
}

export type FakeHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface FakeUpstream {
  url: string;
  /** Requests received, in order. */
  requests: { method: string; url: string; headers: IncomingMessage["headers"] }[];
  close(): Promise<void>;
}

/**
 * A plain node:http server answering as scripted, for upstream behaviour the emulators do not
 * produce (an HTML 401 page, a nested error envelope, 202, a stalled body…).
 */
export async function startFakeUpstream(handler: FakeHandler): Promise<FakeUpstream> {
  const requests: FakeUpstream["requests"] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
      handler(req, res, Buffer.concat(chunks).toString("utf8"));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL nothing is expected to listen on; only for instances never used to call. */
export const FAKE_NOTHING = "http://127.0.0.1:9";

export function urlsFor(count: number, prefix = "https://cdn.dealer.example/stock"): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}/${i}/front-left.jpg`);
}
