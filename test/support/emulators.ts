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
import { API_KEY, CUSTOMER, TOKEN } from "./credentials.js";
import { FAST } from "./upstream-clients.js";

/**
 * The CarCutter and OneAuto emulators on free ports, driven by a ManualClock, with the gateway's
 * upstream clients over them.
 */

export const STEP_MS = 1000;
export const RETENTION_MS = 60_000;
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

export type CarCutterHarness = EmulatorHarness<
  CarCutterEmulator,
  CreateCarCutterClientOptions,
  CarCutterClient
>;

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
  return serveEmulator<CarCutterEmulator, CreateCarCutterClientOptions, CarCutterClient>(
    emulator,
    clock,
    (baseUrl, overrides, onCall) =>
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
}

export function urlsFor(count: number, prefix = "https://cdn.dealer.example/stock"): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}/${i}/front-left.jpg`);
}

export type OneAutoHarness = EmulatorHarness<
  OneAutoEmulator,
  CreateOneAutoClientOptions,
  OneAutoClient
>;

/** A OneAuto emulator on a free port, driven by a ManualClock. */
export async function startOneAuto(
  options: Partial<OneAutoEmulatorOptions> = {},
): Promise<OneAutoHarness> {
  const clock = new ManualClock();
  const emulator = new OneAutoEmulator({ apiKey: API_KEY, clock, ...options });
  return serveEmulator<OneAutoEmulator, CreateOneAutoClientOptions, OneAutoClient>(
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
}
