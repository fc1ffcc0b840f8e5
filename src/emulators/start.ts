import type { EmulatorConfig } from "../config.js";
import { CarCutterEmulator } from "./carcutter/emulator.js";
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
}

/** Starts both emulators on the configured ports (0 picks free ones, as tests do). */
export async function startEmulators(
  config: EmulatorConfig,
  options: StartEmulatorsOptions = {},
): Promise<RunningEmulators> {
  const clock = options.clock ?? systemClock;
  const carcutter = new CarCutterEmulator({
    ...config.carcutter,
    clock,
    seed: options.seed ?? true,
    ...(options.webhookRetryDelaysMs ? { webhookRetryDelaysMs: options.webhookRetryDelaysMs } : {}),
  });
  const oneauto = new OneAutoEmulator({ apiKey: config.oneauto.apiKey, clock });
  const servers: RunningServer[] = [];
  try {
    const carcutterServer = await listen(carcutter.app, config.carcutter.port);
    servers.push(carcutterServer);
    const oneautoServer = await listen(oneauto.app, config.oneauto.port);
    servers.push(oneautoServer);
    return {
      carcutter: { emulator: carcutter, server: carcutterServer },
      oneauto: { emulator: oneauto, server: oneautoServer },
      async close() {
        await Promise.all(servers.map((s) => s.close()));
        await carcutter.close();
      },
    };
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    await carcutter.close();
    throw error;
  }
}
