import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import {
  CarCutterEmulator,
  type CarCutterEmulatorOptions,
} from "../../src/emulators/carcutter/emulator.js";
import { ManualClock } from "../../src/emulators/clock.js";
import { listen, type RunningServer } from "../../src/emulators/serve.js";

export const TOKEN = "test-carcutter-token";
export const CUSTOMER = "test-customer";
export const STEP_MS = 1000;
export const RETENTION_MS = 60_000;

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

export interface Harness {
  emulator: CarCutterEmulator;
  server: RunningServer;
  clock: ManualClock;
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
  /** Calls and reads a JSON body, whatever the status. */
  callJson<T = unknown>(
    method: string,
    path: string,
    options?: CallOptions,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

/** A CarCutter emulator on a free port, driven by a ManualClock, no seed unless asked. */
export async function startHarness(
  overrides: Partial<CarCutterEmulatorOptions> = {},
): Promise<Harness> {
  const clock = new ManualClock();
  const emulator = new CarCutterEmulator({
    token: TOKEN,
    customer: CUSTOMER,
    stepMs: STEP_MS,
    credits: 1000,
    retentionMs: RETENTION_MS,
    clock,
    seed: false,
    webhookRetryDelaysMs: [10, 20, 30],
    ...overrides,
  });
  const server = await listen(emulator.app, 0);
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
    return fetch(`${server.url}${path}${qs}`, { method, headers, body });
  };
  return {
    emulator,
    server,
    clock,
    call,
    async callJson<T>(method: string, path: string, options?: CallOptions) {
      const res = await call(method, path, options);
      const text = await res.text();
      return { status: res.status, body: JSON.parse(text) as T, headers: res.headers };
    },
    async close() {
      await server.close();
      await emulator.close();
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

export const pngBlob = (bytes: Uint8Array) =>
  new Blob([new Uint8Array(bytes)], { type: "image/png" });

export function urlsFor(count: number, prefix = "https://cdn.dealer.example/stock"): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}/${i}/front-left.jpg`);
}

export interface ErrorEnvelope {
  code: number;
  message: string;
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

/** A plain node:http server that records every call and answers as scripted. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const scripted: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = scripted.shift() ?? 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/carcutter`,
    received,
    answerWith: (...statuses) => scripted.push(...statuses),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
