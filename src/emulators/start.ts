import { join } from "node:path";
import type { EmulatorConfig } from "../config.js";
import { CarCutterEmulator } from "./carcutter/emulator.js";
import { readStateFile, STATE_FILE_NAME, StateFileWriter } from "./carcutter/state-file.js";
import { type Clock, systemClock } from "./clock.js";
import { OneAutoEmulator } from "./oneauto/emulator.js";
import { listen, type RunningServer } from "./serve.js";

export interface RunningCarCutter {
  emulator: CarCutterEmulator;
  server: RunningServer;
}

export interface RunningOneAuto {
  emulator: OneAutoEmulator;
  server: RunningServer;
}

/** The emulators asked for (`only`); an upstream left out has none, and takes no port. */
export interface SomeEmulators {
  carcutter: RunningCarCutter | undefined;
  oneauto: RunningOneAuto | undefined;
  close(): Promise<void>;
}

export interface RunningEmulators extends SomeEmulators {
  carcutter: RunningCarCutter;
  oneauto: RunningOneAuto;
}

/** Which emulators to start: the gateway starts one only for an upstream without a URL. */
export interface EmulatorChoice {
  carcutter: boolean;
  oneauto: boolean;
}

export interface StartEmulatorsOptions {
  clock?: Clock;
  /** Seed vehicles, features and images (default true). */
  seed?: boolean;
  /** Webhook retry backoff; tests shorten it. */
  webhookRetryDelaysMs?: readonly number[];
  /**
   * Where the CarCutter account is kept across restarts (state-file.ts), beside the file ledger;
   * unset, it lives in memory and starts from the seed every time.
   */
  stateDir?: string | undefined;
  /** Told when the account could not be saved. */
  onError?: (error: Error) => void;
  /**
   * Where OneAuto's links point when ONEAUTO_EMULATOR_LINK_BASE_URL is unset: the gateway that
   * embeds the emulator and serves its links (src/gateway/embedded-emulator-links.ts). Asked per link, so it may be
   * known only once the gateway listens.
   */
  oneautoLinkBase?: () => string | undefined;
}

/** Starts both emulators on the configured ports (0 picks free ones, as tests do). */
export function startEmulators(
  config: EmulatorConfig,
  options?: StartEmulatorsOptions,
): Promise<RunningEmulators>;
/** Starts the emulators of `only` on their configured ports. */
export function startEmulators(
  config: EmulatorConfig,
  options: StartEmulatorsOptions & { only: EmulatorChoice },
): Promise<SomeEmulators>;
export async function startEmulators(
  config: EmulatorConfig,
  options: StartEmulatorsOptions & { only?: EmulatorChoice } = {},
): Promise<SomeEmulators> {
  const only = options.only ?? { carcutter: true, oneauto: true };
  const clock = options.clock ?? systemClock;
  const servers: RunningServer[] = [];
  let carcutter: RunningCarCutter | undefined;
  let oneauto: RunningOneAuto | undefined;
  let closeCarCutter = async () => {};
  try {
    if (only.carcutter) {
      const started = await startCarCutter(config, options, clock);
      closeCarCutter = started.close;
      const server = await listen(started.emulator.app, config.carcutter.port, config.host);
      servers.push(server);
      carcutter = { emulator: started.emulator, server };
    }
    if (only.oneauto) {
      const emulator = new OneAutoEmulator({
        apiKey: config.oneauto.apiKey,
        clock,
        latencyMs: config.oneauto.latencyMs,
        linkBase: () => config.oneauto.linkBaseUrl ?? options.oneautoLinkBase?.(),
      });
      const server = await listen(emulator.app, config.oneauto.port, config.host);
      servers.push(server);
      oneauto = { emulator, server };
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    await closeCarCutter();
    throw error;
  }
  return {
    carcutter,
    oneauto,
    async close() {
      await Promise.all(servers.map((s) => s.close()));
      await closeCarCutter();
    },
  };
}

/** The CarCutter emulator with its account restored from, and saved to, `stateDir`. */
async function startCarCutter(
  config: EmulatorConfig,
  options: StartEmulatorsOptions,
  clock: Clock,
): Promise<{ emulator: CarCutterEmulator; close(): Promise<void> }> {
  const statePath = options.stateDir ? join(options.stateDir, STATE_FILE_NAME) : undefined;
  const restore = statePath ? await readStateFile(statePath) : undefined;
  let writer: StateFileWriter | undefined;
  const carcutter = new CarCutterEmulator({
    ...config.carcutter,
    clock,
    seed: options.seed ?? true,
    restore,
    ...(statePath ? { onChange: () => writer?.changed() } : {}),
    ...(options.webhookRetryDelaysMs ? { webhookRetryDelaysMs: options.webhookRetryDelaysMs } : {}),
  });
  if (statePath) {
    writer = new StateFileWriter({
      path: statePath,
      read: () => carcutter.snapshot(),
      ...(options.onError ? { onError: options.onError } : {}),
    });
    // The seed is written at once, so that it is what a restart finds.
    if (!restore) await writer.flush();
  }
  const close = async () => {
    await carcutter.close();
    await writer?.flush();
  };
  return { emulator: carcutter, close };
}
