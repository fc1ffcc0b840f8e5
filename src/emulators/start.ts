import { join } from "node:path";
import type { EmulatorConfig } from "../config.js";
import { CarCutterEmulator } from "./carcutter/emulator.js";
import { readStateFile, STATE_FILE_NAME, StateFileWriter } from "./carcutter/state-file.js";
import { type Clock, systemClock } from "./clock.js";
import { OneAutoEmulator } from "./oneauto/emulator.js";
import { listen, type RunningServer } from "./serve.js";

export interface RunningEmulators {
  carcutter: { emulator: CarCutterEmulator; server: RunningServer };
  oneauto: { emulator: OneAutoEmulator; server: RunningServer };
  close(): Promise<void>;
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
   * embeds the emulator and serves its links (embedded-links.ts). Asked per link, so it may be
   * known only once the gateway listens.
   */
  oneautoLinkBase?: () => string | undefined;
}

/** Starts both emulators on the configured ports (0 picks free ones, as tests do). */
export async function startEmulators(
  config: EmulatorConfig,
  options: StartEmulatorsOptions = {},
): Promise<RunningEmulators> {
  const clock = options.clock ?? systemClock;
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
  const closeCarCutter = async () => {
    await carcutter.close();
    await writer?.flush();
  };
  const oneauto = new OneAutoEmulator({
    apiKey: config.oneauto.apiKey,
    clock,
    linkBase: () => config.oneauto.linkBaseUrl ?? options.oneautoLinkBase?.(),
  });
  const servers: RunningServer[] = [];
  try {
    const carcutterServer = await listen(carcutter.app, config.carcutter.port, config.host);
    servers.push(carcutterServer);
    const oneautoServer = await listen(oneauto.app, config.oneauto.port, config.host);
    servers.push(oneautoServer);
    return {
      carcutter: { emulator: carcutter, server: carcutterServer },
      oneauto: { emulator: oneauto, server: oneautoServer },
      async close() {
        await Promise.all(servers.map((s) => s.close()));
        await closeCarCutter();
      },
    };
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    await closeCarCutter();
    throw error;
  }
}
