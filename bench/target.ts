import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config.js";
import { startEmulators } from "../src/emulators/start.js";
import { PHASE_NAMES, type PhaseName } from "../src/gateway/create-gateway.js";
import { startServer } from "../src/server.js";
import { GUARDS_SWITCH, PHASES_SWITCH, SHARE_OPERATIONS_SWITCH } from "./switches.js";

/**
 * The process under measurement, started by bench/run.ts with an IPC channel: either the gateway
 * with its built-in emulators (`gateway`, as `npm start` runs it) or the emulators alone
 * (`emulators`, what the plain-HTTP floor talks to). Everything listens on 127.0.0.1, port 0.
 * It reports its URLs once listening, and exits on `stop` or when the parent goes away.
 *
 * `target.js <mode> [overrides]`: overrides is a JSON object of configuration variables (as the
 * environment would spell them, e.g. the cache settings), applied on top of the fixed values below.
 */

export type TargetMode = "gateway" | "emulators";

/** Configuration variables a run sets on top of the target's own explicit values. */
export type ConfigOverrides = Readonly<Record<string, string>>;

export interface TargetReady {
  type: "ready";
  mode: TargetMode;
  /** The gateway's origin; absent in `emulators` mode. */
  gatewayUrl?: string | undefined;
  carcutterUrl: string;
  oneautoUrl: string;
}

export interface TargetStop {
  type: "stop";
}

/** Asks the target for its own CPU time so far (process.cpuUsage, microseconds). */
export interface TargetCpuQuery {
  type: "cpu";
}

export interface TargetCpu {
  type: "cpu";
  userMicros: number;
  systemMicros: number;
}

/** Long enough that no photo changes state during a run: every run sees the same statuses. */
const EMULATOR_STEP_MS = 60 * 60 * 1000;

/** Always these: local emulators on free ports, photos that keep their state during a run. */
const FIXED = {
  HOST: "127.0.0.1",
  PORT: "0",
  CARCUTTER_EMULATOR_PORT: "0",
  ONEAUTO_EMULATOR_PORT: "0",
  CARCUTTER_EMULATOR_STEP_MS: String(EMULATOR_STEP_MS),
  // A ledger per target process, outside the working tree.
  FORECOURT_DATA_DIR: mkdtempSync(join(tmpdir(), "forecourt-bench-")),
} as const;

/** The run's overrides; none may name an upstream URL (the emulators are the only upstreams). */
function overridesOf(text: string | undefined): ConfigOverrides {
  if (text === undefined) return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`configuration overrides must be a JSON object, got ${text}`);
  }
  const overrides: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== "string") throw new Error(`override ${name} must be a string`);
    if (name in FIXED || name.endsWith("_BASE_URL")) {
      throw new Error(`override ${name} is not allowed: the benchmark fixes it`);
    }
    overrides[name] = value;
  }
  return overrides;
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== "gateway" && mode !== "emulators") {
    throw new Error(`usage: target.ts gateway|emulators [overrides] (got ${String(mode)})`);
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error("target.ts must be started with an IPC channel (by bench/run.ts)");

  // An explicit environment, not process.env: the benchmark must never reach a real upstream.
  const {
    [GUARDS_SWITCH]: guardsSwitch,
    [PHASES_SWITCH]: phasesSwitch,
    [SHARE_OPERATIONS_SWITCH]: shareSwitch,
    ...overrides
  } = overridesOf(process.argv[3]);
  const config = loadConfig({ ...overrides, ...FIXED });

  let ready: TargetReady;
  let close: () => Promise<void>;
  if (mode === "gateway") {
    const phases = phasesOf(phasesSwitch);
    const server = await startServer(config, {
      guards: guardsSwitch !== "off",
      ...(phases ? { phases } : {}),
      ...(shareSwitch === "off" ? { shareOperations: false } : {}),
    });
    const { carcutter, oneauto } = server.emulators ?? {};
    if (!carcutter || !oneauto) throw new Error("expected the built-in emulators to be started");
    ready = {
      type: "ready",
      mode,
      gatewayUrl: server.url,
      carcutterUrl: carcutter.server.url,
      oneautoUrl: oneauto.server.url,
    };
    close = () => server.close();
  } else {
    const emulators = await startEmulators(config.emulators);
    ready = {
      type: "ready",
      mode,
      carcutterUrl: emulators.carcutter.server.url,
      oneautoUrl: emulators.oneauto.server.url,
    };
    close = () => emulators.close();
  }

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Exit normally (so that --cpu-prof can write its profile), but never hang on close().
    setTimeout(() => process.exit(0), 2_000).unref();
    close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.on("message", (message: unknown) => {
    if (isStop(message)) stop();
    if (isCpuQuery(message)) {
      const { user, system } = process.cpuUsage();
      const answer: TargetCpu = { type: "cpu", userMicros: user, systemMicros: system };
      send(answer);
    }
  });
  process.on("disconnect", stop);
  process.on("SIGTERM", stop);
  send(ready);
}

/** "none" is the bare stack; absent, every phase. */
function phasesOf(text: string | undefined): PhaseName[] | undefined {
  if (text === undefined) return undefined;
  if (text === "none") return [];
  return text.split(",").map((name) => {
    const phase = PHASE_NAMES.find((p) => p === name);
    if (!phase)
      throw new Error(`${PHASES_SWITCH}: ${name} is not one of ${PHASE_NAMES.join(", ")}`);
    return phase;
  });
}

function isCpuQuery(message: unknown): message is TargetCpuQuery {
  return typeof message === "object" && message !== null && "type" in message
    ? message.type === "cpu"
    : false;
}

function isStop(message: unknown): message is TargetStop {
  return typeof message === "object" && message !== null && "type" in message
    ? message.type === "stop"
    : false;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
