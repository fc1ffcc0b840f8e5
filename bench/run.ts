import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { defaultHttpSettings } from "../src/upstreams/settings.js";
import { type DocumentsResult, sendDistinctDocuments } from "./documents.js";
import { type FirstByteRow, firstByteLines, measureFirstByte } from "./first-byte.js";
import { measureGuards } from "./guards.js";
import {
  LADDER,
  type LadderResult,
  type LadderSlice,
  ladderExplanation,
  ladderLines,
} from "./ladder.js";
import { cannon, drive, type LoadResult, type LoadSettings, memoryOf } from "./load.js";
import {
  closeFloorClients,
  DEFAULT_GATEWAY,
  type FloorClients,
  floorClients,
  type GatewayVariant,
  GUARDS_OFF,
  NO_CACHE_CONFIG,
  PAGE_PAID_OPERATIONS,
  prepare,
  SCENARIOS,
  type Scenario,
  stockVehiclePage,
} from "./scenarios.js";
import type {
  ConfigOverrides,
  TargetCpu,
  TargetCpuQuery,
  TargetMode,
  TargetReady,
  TargetStop,
} from "./target.js";

/**
 * `npm run bench`: for each scenario, the gateway (with its emulators, in a child process) under
 * autocannon, once per gateway configuration the scenario names (the vehicle page with stock
 * photos: cache on and cache off), then the same data fetched with plain HTTP from the emulators
 * alone (another child), at the same concurrency and duration. Each measurement gets a fresh
 * child, so each peak RSS is that run's own. With the stock-photo vehicle page selected, it then
 * counts the OneAuto paid calls of exactly 1,000 page views against a fresh gateway per mode.
 * Prints Markdown tables on stdout; progress goes to stderr.
 */

/** Page views per paid-calls count. */
const PAGE_VIEWS = 1_000;
/** Upper bound for one paid-calls count (start, 1,000 views, stop); a hang beyond it fails the bench. */
const PAID_COUNT_BUDGET_MS = 120_000;

const HELP = `usage: npm run bench -- [--duration S] [--warmup S] [--connections N] [--scenario I]... [--cpu-prof DIR]
  --duration     measured seconds per run (default 5)
  --warmup       seconds of load before each measured run, not counted (default 1; 0 for none)
  --connections  concurrent connections / floor workers (default 16)
  --scenario     run only scenario I (1-based; repeatable); scenario ${SCENARIOS.indexOf(stockVehiclePage) + 1} also
                 counts the paid calls of ${PAGE_VIEWS.toLocaleString("en-US")} page views with and without the cache
  --documents    distinct query texts sent to one gateway, its RSS read every tenth (default 100000; 0 skips)
  --cpu-prof     write a V8 CPU profile of every target process into DIR (node --cpu-prof)
  --ladder-rounds  rounds of the ladder (CPU per operation of the bare stack, then phase by phase) for
                 the scenarios that have one (default 5; 0 skips it)
  --ladder-only  only the ladder: no table, paid calls or distinct documents
  --first-byte-rounds  requests per variant of the vehicle page's time to first and last byte, with
                 and without @defer, at the demo's latencies (default 5; 0 skips it)
  --first-byte-only  only that: no table, ladder, paid calls or distinct documents
  --build-dir    where the target is compiled (default .bench-build in the checkout; must be below it,
                 so that the target's imports resolve)`;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/**
 * Where the target is compiled to by default: inside the checkout (git-ignored), so that its
 * imports resolve through the checkout's node_modules, which may be shared and is left untouched.
 */
const DEFAULT_BUILD_DIR = join(ROOT, ".bench-build");
const BUILD_TIMEOUT_MS = 120_000;
const STARTUP_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const MIB = 1024 * 1024;

interface Settings extends LoadSettings {
  warmupSeconds: number;
  scenarios: readonly Scenario[];
  cpuProfDir: string | undefined;
  documents: number;
  ladderRounds: number;
  ladderOnly: boolean;
  firstByteRounds: number;
  firstByteOnly: boolean;
  buildDir: string;
}

function parseSettings(argv: readonly string[]): Settings {
  try {
    return settingsOf(argv);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function settingsOf(argv: readonly string[]): Settings {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      duration: { type: "string", default: "5" },
      warmup: { type: "string", default: "1" },
      connections: { type: "string", default: "16" },
      scenario: { type: "string", multiple: true },
      documents: { type: "string", default: "100000" },
      "cpu-prof": { type: "string" },
      "ladder-rounds": { type: "string", default: "5" },
      "ladder-only": { type: "boolean", default: false },
      "first-byte-rounds": { type: "string", default: "5" },
      "first-byte-only": { type: "boolean", default: false },
      "build-dir": { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const number = (name: string, text: string, min: number, integer: boolean) => {
    const n = Number(text);
    if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
      throw new UsageError(`--${name} must be ${integer ? "a whole number" : "a number"} ≥ ${min}`);
    }
    return n;
  };
  const picked = (values.scenario ?? []).map((s) => {
    const index = number("scenario", s, 1, true);
    const scenario = SCENARIOS[index - 1];
    if (!scenario) throw new UsageError(`--scenario must be 1..${SCENARIOS.length}`);
    return scenario;
  });
  const cpuProf = values["cpu-prof"];
  const buildDir = resolve(values["build-dir"] ?? DEFAULT_BUILD_DIR);
  if (!buildDir.startsWith(`${ROOT}/`)) {
    throw new UsageError(`--build-dir must be inside ${ROOT}, where node_modules resolves`);
  }
  const ladderRounds = number("ladder-rounds", values["ladder-rounds"], 0, true);
  if (values["ladder-only"] && ladderRounds === 0) {
    throw new UsageError("--ladder-only needs --ladder-rounds of at least 1");
  }
  return {
    durationSeconds: number("duration", values.duration, 1, true),
    warmupSeconds: number("warmup", values.warmup, 0, true),
    connections: number("connections", values.connections, 1, true),
    scenarios: picked.length > 0 ? picked : SCENARIOS,
    cpuProfDir: cpuProf === undefined ? undefined : resolve(cpuProf),
    documents: number("documents", values.documents, 0, true),
    ladderRounds,
    ladderOnly: values["ladder-only"],
    firstByteRounds: number("first-byte-rounds", values["first-byte-rounds"], 0, true),
    firstByteOnly: values["first-byte-only"],
    buildDir,
  };
}

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------
// Children: started per run, stopped after it, killed whatever happens to this process.

interface Target {
  ready: TargetReady;
  child: ChildProcess;
  pid: number;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

const targetReady = z.object({
  type: z.literal("ready"),
  mode: z.enum(["gateway", "emulators"]),
  gatewayUrl: z.string().optional(),
  carcutterUrl: z.string(),
  oneautoUrl: z.string(),
}) satisfies z.ZodType<TargetReady>;

process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping`);
    process.exit(130);
  });
}

/**
 * Compiles bench/target.ts and the src files it imports with the project's own compiler options
 * (as `npm run build` does, types unchecked: `npm run typecheck` does that), so that the targets run
 * on plain node like `npm start`. Under tsx, its loader thread alone would add some 50 MiB of RSS.
 */
async function buildTarget(buildDir: string): Promise<string> {
  const out = join(buildDir, "out");
  await rm(out, { recursive: true, force: true });
  await mkdir(buildDir, { recursive: true });
  const tsconfig = join(buildDir, "tsconfig.json");
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: join(ROOT, "tsconfig.json"),
      compilerOptions: {
        noEmit: false,
        noCheck: true,
        sourceMap: false,
        outDir: out,
        rootDir: ROOT,
      },
      files: [join(ROOT, "bench", "target.ts")],
      include: [],
    }),
  );
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  await execute(process.execPath, [tsc, "-p", tsconfig], BUILD_TIMEOUT_MS);
  // Say the package's "type" here: below node_modules, node would look no further up for it.
  await writeFile(join(out, "package.json"), JSON.stringify({ type: "module" }));
  return join(out, "bench", "target.js");
}

function execute(command: string, args: readonly string[], timeoutMs: number): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", 2, 2], timeout: timeoutMs });
    children.add(child);
    child.once("error", fail);
    child.once("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) done();
      else fail(new Error(`${args.join(" ")}: ${signal ?? `exit code ${code}`}`));
    });
  });
}

async function startTarget(
  targetJs: string,
  mode: TargetMode,
  settings: Settings,
  label: string,
  config: ConfigOverrides = {},
): Promise<Target> {
  const profile = settings.cpuProfDir
    ? ["--cpu-prof", `--cpu-prof-dir=${settings.cpuProfDir}`, `--cpu-prof-name=${label}.cpuprofile`]
    : [];
  // Its stdout goes to our stderr: stdout is for the table.
  // Configuration as explicit values on the command line, never through the environment.
  const child = spawn(process.execPath, [...profile, targetJs, mode, JSON.stringify(config)], {
    cwd: ROOT,
    stdio: ["ignore", 2, 2, "ipc"],
    // A clean environment: nothing of ours (upstream URLs, credentials) reaches the target.
    env: { NODE_ENV: "production" },
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start the ${mode} target`);

  const ready = await new Promise<TargetReady>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the ${mode} target did not start within ${STARTUP_TIMEOUT_MS} ms`));
    }, STARTUP_TIMEOUT_MS);
    child.once("message", (message: unknown) => {
      clearTimeout(timer);
      const parsed = targetReady.safeParse(message);
      if (parsed.success) resolveReady(parsed.data);
      else reject(new Error(`the ${mode} target said ${JSON.stringify(message)}, not "ready"`));
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the ${mode} target exited during startup (${signal ?? `code ${code}`})`));
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  child.once("exit", (code, signal) => {
    if (code !== 0 && signal !== "SIGKILL") {
      console.error(`bench: the ${mode} target exited (${signal ?? `code ${code}`})`);
    }
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once("exit", () => done()));
    const stopMessage: TargetStop = { type: "stop" };
    if (child.connected) child.send(stopMessage);
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  return { ready, child, pid, stop };
}

// ---------------------------------------------------------------------------------------------
// The emulators' request counters: upstream calls per operation.

const counters = z.record(z.string(), z.number());
type Counts = z.infer<typeof counters>;

async function emulatorJson(url: string, method: "GET" | "POST"): Promise<unknown> {
  const response = await fetch(url, { method });
  if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status}`);
  return response.json();
}

async function resetCounters(ready: TargetReady): Promise<void> {
  for (const origin of [ready.carcutterUrl, ready.oneautoUrl]) {
    await emulatorJson(`${origin}/__emulator/reset`, "POST");
  }
}

async function readCounters(ready: TargetReady): Promise<Counts> {
  const counts: Counts = {};
  for (const origin of [ready.carcutterUrl, ready.oneautoUrl]) {
    const body = counters.parse(await emulatorJson(`${origin}/__emulator/requests`, "GET"));
    for (const [operation, n] of Object.entries(body)) counts[operation] = n;
  }
  return counts;
}

const totalOf = (counts: Counts) => Object.values(counts).reduce((a, b) => a + b, 0);
const describeCounts = (counts: Counts) =>
  Object.entries(counts)
    .map(([operation, n]) => `${n}× ${operation}`)
    .join(", ");

// ---------------------------------------------------------------------------------------------
// One measurement: a fresh child, two checked rounds, warm-up, the measured run, the peak RSS.

interface Measurement extends LoadResult {
  summary: string;
  /** Upstream calls of the first operation (or floor round), before any load. */
  counts: Counts;
  /** Of a second one right after the first: less than `counts` when the gateway reused something. */
  repeatCounts: Counts;
  /**
   * Upstream calls counted at the emulators during the measured run, per completed operation.
   * Approximate for the gateway: requests autocannon still had in flight when it stopped may have
   * reached the emulators without being completed.
   */
  callsPerOperationUnderLoad: number;
  startRss: number | undefined;
  peakRss: number | undefined;
}

/** The gateway in the configuration `gateway`, or (undefined) the floor against the emulators alone. */
async function measure(
  targetJs: string,
  scenario: Scenario,
  index: number,
  settings: Settings,
  gateway: GatewayVariant | undefined,
): Promise<Measurement> {
  const mode: TargetMode = gateway ? "gateway" : "emulators";
  const label = `${index + 1}-${gateway?.slug ?? mode}`;
  const target = await startTarget(targetJs, mode, settings, label, gateway?.config);
  try {
    const { ready } = target;
    const atStart = await memoryOf(target.pid);
    await prepare(ready.carcutterUrl);
    await resetCounters(ready);

    // The floor's clients keep as many connections to each upstream as the gateway does.
    const clients: FloorClients | undefined = gateway ? undefined : floorClients(ready);
    try {
      let run: (load: LoadSettings) => Promise<LoadResult>;
      let once: () => Promise<string>;
      if (clients) {
        once = async () => scenario.summarizeFloor(await scenario.floor(clients));
        run = (load) => drive(() => scenario.floor(clients), load);
      } else {
        if (!ready.gatewayUrl) throw new Error("the gateway target sent no gateway URL");
        const url = `${ready.gatewayUrl}/graphql`;
        const body = JSON.stringify(scenario.operation);
        once = async () => scenario.summarizeGraphql((await postGraphql(url, body)).data);
        run = (load) => cannon(url, body, load);
      }
      const summary = await once();
      const counts = await readCounters(ready);
      await resetCounters(ready);
      const repeated = await once();
      if (repeated !== summary) {
        throw new Error(`a repeated round fetched other data:\n  ${summary}\n  ${repeated}`);
      }
      const repeatCounts = await readCounters(ready);

      if (settings.warmupSeconds > 0) {
        await run({ ...settings, durationSeconds: settings.warmupSeconds });
      }
      await resetCounters(ready);
      const result = await run(settings);
      const callsUnderLoad = totalOf(await readCounters(ready));
      const atEnd = await memoryOf(target.pid);
      return {
        ...result,
        summary,
        counts,
        repeatCounts,
        callsPerOperationUnderLoad: callsUnderLoad / result.completed,
        startRss: atStart?.rss,
        peakRss: atEnd?.peakRss,
      };
    } finally {
      if (clients) await closeFloorClients(clients);
    }
  } finally {
    await target.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Guards on against off: two gateways alive side by side, loaded in turn, slice by slice.

/** Slices per side; the order alternates (on, off, off, on, …) so that drift hits both alike. */
const GUARD_PAIRS = 10;

interface GuardComparison {
  /** RPS of each slice, in the order run. */
  on: number[];
  off: number[];
  /** 1 − on/off of each pair, as a fraction. */
  costs: number[];
}

/**
 * What the guards (the static estimate, the document backstops) cost in RPS, measured so that the
 * machine's noise cancels: separate runs minutes apart differ by ±10 % here on their own. Both
 * gateways are started, checked and warmed first; then each pair of slices loads one and the
 * other for the same seconds, and the cost is the median over the pairs.
 */
async function compareGuards(
  targetJs: string,
  scenario: Scenario,
  index: number,
  settings: Settings,
): Promise<GuardComparison> {
  const slice: LoadSettings = {
    connections: settings.connections,
    durationSeconds: Math.max(1, Math.ceil(settings.durationSeconds / 2)),
  };
  const body = JSON.stringify(scenario.operation);
  const sides = await Promise.all(
    [DEFAULT_GATEWAY, GUARDS_OFF].map(async (variant) => {
      const target = await startTarget(
        targetJs,
        "gateway",
        settings,
        `${index + 1}-pair-${variant.slug}`,
        variant.config,
      );
      return { variant, target };
    }),
  );
  try {
    const urls = await Promise.all(
      sides.map(async ({ target: { ready } }) => {
        if (!ready.gatewayUrl) throw new Error("the gateway target sent no gateway URL");
        await prepare(ready.carcutterUrl);
        const url = `${ready.gatewayUrl}/graphql`;
        scenario.summarizeGraphql((await postGraphql(url, body)).data);
        return url;
      }),
    );
    const [onUrl, offUrl] = urls as [string, string];
    for (const url of urls) {
      if (settings.warmupSeconds > 0) {
        await cannon(url, body, { ...slice, durationSeconds: settings.warmupSeconds });
      }
    }
    const comparison: GuardComparison = { on: [], off: [], costs: [] };
    const load = async (url: string) => (await cannon(url, body, slice)).rps;
    for (let pair = 0; pair < GUARD_PAIRS; pair++) {
      let on: number;
      let off: number;
      if (pair % 2 === 0) {
        on = await load(onUrl);
        off = await load(offUrl);
      } else {
        off = await load(offUrl);
        on = await load(onUrl);
      }
      comparison.on.push(on);
      comparison.off.push(off);
      comparison.costs.push(1 - on / off);
    }
    return comparison;
  } finally {
    await Promise.all(sides.map(({ target }) => target.stop()));
  }
}

// ---------------------------------------------------------------------------------------------
// The ladder: a gateway per rung, alive side by side, loaded in turn round after round.

const targetCpu = z.object({
  type: z.literal("cpu"),
  userMicros: z.number(),
  systemMicros: z.number(),
}) satisfies z.ZodType<TargetCpu>;

/** The target's own CPU time so far (user + system), in microseconds, asked over its IPC channel. */
function cpuOf(target: Target): Promise<number> {
  const { child } = target;
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.off("message", onMessage);
      fail(new Error(`the target (pid ${target.pid}) did not report its CPU time`));
    }, STARTUP_TIMEOUT_MS);
    const onMessage = (message: unknown) => {
      const parsed = targetCpu.safeParse(message);
      if (!parsed.success) return;
      clearTimeout(timer);
      child.off("message", onMessage);
      done(parsed.data.userMicros + parsed.data.systemMicros);
    };
    child.on("message", onMessage);
    const query: TargetCpuQuery = { type: "cpu" };
    child.send(query);
  });
}

/**
 * CPU per operation of each rung (bench/ladder.ts). Every rung's target is started, checked to
 * answer the scenario's data and warmed before the first round; the CPU window holds the load
 * alone (the counters are read and reset outside it), so the emulators' bookkeeping is not in it.
 */
async function climbLadder(
  targetJs: string,
  scenario: Scenario,
  index: number,
  settings: Settings,
): Promise<LadderResult> {
  const slice: LoadSettings = {
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
  };
  const body = JSON.stringify(scenario.operation);
  const targets: Target[] = [];
  try {
    for (const rung of LADDER) {
      targets.push(
        await startTarget(targetJs, "gateway", settings, `${index + 1}-${rung.slug}`, rung.config),
      );
    }
    const urls: string[] = [];
    for (const [r, target] of targets.entries()) {
      const { ready } = target;
      if (!ready.gatewayUrl) throw new Error("the gateway target sent no gateway URL");
      await prepare(ready.carcutterUrl);
      const url = `${ready.gatewayUrl}/graphql`;
      const summary = scenario.summarizeGraphql((await postGraphql(url, body)).data);
      console.error(`bench:   ${LADDER[r]?.label}: ${summary}`);
      urls.push(url);
    }
    for (const url of urls) {
      if (settings.warmupSeconds > 0) {
        await cannon(url, body, { ...slice, durationSeconds: settings.warmupSeconds });
      }
    }
    const slices: LadderSlice[][] = LADDER.map(() => []);
    for (let round = 0; round < settings.ladderRounds; round++) {
      const order = [...LADDER.keys()];
      if (round % 2 === 1) order.reverse();
      for (const r of order) {
        const target = targets[r];
        const url = urls[r];
        if (!target || !url) throw new Error(`no target for rung ${r}`);
        await resetCounters(target.ready);
        const before = await cpuOf(target);
        const result = await cannon(url, body, slice);
        const after = await cpuOf(target);
        const calls = totalOf(await readCounters(target.ready));
        slices[r]?.push({
          cpuMicrosPerOp: (after - before) / result.completed,
          rps: result.rps,
          upstreamCallsPerOp: calls / result.completed,
        });
      }
      console.error(`bench:   round ${round + 1} of ${settings.ladderRounds} done`);
    }
    return { rounds: settings.ladderRounds, sliceSeconds: settings.durationSeconds, slices };
  } finally {
    await Promise.all(targets.map((target) => target.stop()));
  }
}

const medianOf = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(middle)] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};

/** One operation: it must answer 200 with data and without `errors`. */
async function postGraphql(
  url: string,
  body: string,
): Promise<{ data: unknown; extensions: unknown }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body,
  });
  const text = await response.text();
  let answer: { data?: unknown; errors?: unknown; extensions?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new Error(
      `verification request: HTTP ${response.status}, not JSON: ${text.slice(0, 500)}`,
    );
  }
  if (response.status !== 200 || answer.errors !== undefined || answer.data == null) {
    throw new Error(`verification request: HTTP ${response.status}: ${text.slice(0, 2000)}`);
  }
  return { data: answer.data, extensions: answer.extensions };
}

// ---------------------------------------------------------------------------------------------
// Paid calls per 1,000 page views: a fresh gateway per mode, exactly PAGE_VIEWS operations, the
// OneAuto paid calls counted at the emulator and summed from every response's extensions.cost.

const costExtension = z.object({
  cost: z.object({
    paidCalls: z.number(),
    cacheHitCount: z.number(),
    estimatedPence: z.number(),
    upstreamCalls: z.array(
      z.object({
        upstream: z.string(),
        operation: z.string(),
        calls: z.number(),
        paidCalls: z.number(),
      }),
    ),
  }),
});

interface PaidCount {
  gateway: GatewayVariant;
  /** Page views in flight at once: 1 is one after another. */
  concurrency: number;
  views: number;
  /** PAGE_PAID_OPERATIONS as counted at the OneAuto emulator, by operation. */
  emulator: Counts;
  /** Sums over the responses' extensions.cost. */
  costPaidCalls: number;
  /** Calls of PAGE_PAID_OPERATIONS in extensions.cost, paid or not (equal to the paid ones when all answered 200). */
  costCalls: number;
  costCacheHits: number;
  costPence: number;
  seconds: number;
}

async function countPaidCalls(
  targetJs: string,
  gateway: GatewayVariant,
  concurrency: number,
  settings: Settings,
): Promise<PaidCount> {
  const label = `paid-${gateway.slug}-x${concurrency}`;
  const target = await startTarget(targetJs, "gateway", settings, label, gateway.config);
  try {
    const { ready } = target;
    if (!ready.gatewayUrl) throw new Error("the gateway target sent no gateway URL");
    const url = `${ready.gatewayUrl}/graphql`;
    const body = JSON.stringify(stockVehiclePage.operation);
    await resetCounters(ready);
    const paid = new Set<string>(PAGE_PAID_OPERATIONS);
    let started = 0;
    let summary: string | undefined;
    const sums = { paidCalls: 0, calls: 0, cacheHits: 0, pence: 0 };
    const view = async () => {
      const answer = await postGraphql(url, body);
      // Every view must hold the whole page, and the same page.
      const seen = stockVehiclePage.summarizeGraphql(answer.data);
      summary ??= seen;
      if (seen !== summary) throw new Error(`page views differ:\n  ${summary}\n  ${seen}`);
      const { cost } = costExtension.parse(answer.extensions);
      sums.paidCalls += cost.paidCalls;
      sums.cacheHits += cost.cacheHitCount;
      sums.pence += cost.estimatedPence;
      for (const call of cost.upstreamCalls) {
        if (call.upstream === "oneauto" && paid.has(call.operation)) sums.calls += call.calls;
      }
    };
    const t0 = performance.now();
    const worker = async () => {
      while (started < PAGE_VIEWS) {
        started += 1;
        await view();
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - t0) / 1000;
    const counts = await readCounters(ready);
    const emulator = Object.fromEntries(PAGE_PAID_OPERATIONS.map((op) => [op, counts[op] ?? 0]));
    return {
      gateway,
      concurrency,
      views: started,
      emulator,
      costPaidCalls: sums.paidCalls,
      costCalls: sums.calls,
      costCacheHits: sums.cacheHits,
      costPence: Math.round(sums.pence * 1e6) / 1e6,
      seconds,
    };
  } finally {
    await target.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Output.

interface GatewayRun {
  variant: GatewayVariant;
  measurement: Measurement;
}

interface Row {
  /** 1-based, as in --scenario. */
  number: number;
  scenario: Scenario;
  /** One per gateway configuration of the scenario. */
  gateways: readonly GatewayRun[];
  floor: Measurement;
  /** When the scenario asks for it (compareGuards). */
  guards?: GuardComparison;
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const mib = (bytes: number | undefined) =>
  bytes === undefined || Number.isNaN(bytes) ? "n/a" : (bytes / MIB).toFixed(0);
const rps = (n: number) => Math.round(n).toLocaleString("en-US");
const count = (n: number) => n.toLocaleString("en-US");
const signed = (n: number, format: (n: number) => string) =>
  (n >= 0 ? "+" : "−") + format(Math.abs(n));
const pounds = (pence: number) =>
  `£${(pence / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** `12`, or `12, then 3` when a repeated operation made fewer calls than the first. */
function callsCell(m: Measurement): string {
  const first = totalOf(m.counts);
  const again = totalOf(m.repeatCounts);
  return first === again ? `${first}` : `${first}, then ${again}`;
}

/** The scenario's name, with the gateway's configuration when it is measured in several. */
function gatewayName(row: Row, run: GatewayRun): string {
  const name = `${row.number}. ${row.scenario.name}`;
  return row.gateways.length > 1 ? `${name} (${run.variant.label})` : name;
}

function describeRun(m: Measurement): string {
  const first = describeCounts(m.counts);
  const again = describeCounts(m.repeatCounts);
  return first === again ? first : `${first}; the next operation ${again || "none"}`;
}

function paidMode(c: PaidCount): string {
  const pace = c.concurrency === 1 ? "one view at a time" : `${c.concurrency} views at a time`;
  return `${c.gateway.label.replace(/^gateway, /, "")}, ${pace}`;
}

function printReport(rows: readonly Row[], paid: readonly PaidCount[], settings: Settings): void {
  const cpus = os.cpus();
  const lines = [
    "## Forecourt benchmark",
    "",
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}.`,
    `Settings: ${settings.connections} connections (floor: ${settings.connections} workers), ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s measured per run; emulators in-process with zero added latency; the gateway keeps ${defaultHttpSettings("carcutter").connections} connections to CarCutter and ${defaultHttpSettings("oneauto").connections} to OneAuto, and so does the floor.`,
    "",
    "| scenario | via | RPS | p50 ms | p99 ms | peak RSS MiB | RSS at start MiB | upstream calls per operation |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const { number, scenario, gateways, floor } of rows) {
    const name = `${number}. ${scenario.name}`;
    const vias: [string, Measurement][] = [
      ...gateways.map((g): [string, Measurement] => [g.variant.label, g.measurement]),
      ["plain HTTP (floor)", floor],
    ];
    for (const [via, m] of vias) {
      lines.push(
        `| ${name} | ${via} | ${rps(m.rps)} | ${ms(m.p50)} | ${ms(m.p99)} | ${mib(m.peakRss)} | ${mib(m.startRss)} | ${callsCell(m)} |`,
      );
    }
  }
  lines.push("", "Gateway against its floor:");
  for (const row of rows) {
    const { floor } = row;
    for (const run of row.gateways) {
      const gateway = run.measurement;
      const share = ((gateway.rps / floor.rps) * 100).toFixed(0);
      const peakDelta = (gateway.peakRss ?? Number.NaN) - (floor.peakRss ?? Number.NaN);
      lines.push(
        `- ${gatewayName(row, run)}: ${share} % of the floor's RPS; p50 ${signed(gateway.p50 - floor.p50, ms)} ms, p99 ${signed(gateway.p99 - floor.p99, ms)} ms; peak RSS ${signed(peakDelta, mib)} MiB.`,
      );
    }
  }
  const compared = rows.filter((row) => row.guards !== undefined);
  if (compared.length > 0) {
    lines.push(
      "",
      `Guards on against off (off: no static estimate, no document backstops). Two gateways alive side by side, loaded in turn for ${Math.max(1, Math.ceil(settings.durationSeconds / 2))} s each, ${GUARD_PAIRS} pairs in alternating order so that the machine's drift hits both alike; the cost is 1 − on/off per pair, its median over the pairs, and the range of the pairs (one pair alone moves by ±10 % here with the same gateway on both sides):`,
    );
    const percent = (n: number) => `${(n * 100).toFixed(1)} %`;
    for (const row of compared) {
      const guards = row.guards;
      if (!guards) continue;
      lines.push(
        `- ${row.number}. ${row.scenario.name}: ${rps(medianOf(guards.on))} RPS on, ${rps(medianOf(guards.off))} off (medians); the guards cost ${percent(medianOf(guards.costs))} of RPS (pairs: ${percent(Math.min(...guards.costs))} to ${percent(Math.max(...guards.costs))}).`,
      );
    }
  }
  lines.push(
    "",
    "What the guards cost an operation the first time its text and the shape of its variables are seen (in the bench process, median of 7 rounds of 500): the static estimate (the cost guard's whole work) and graphql-armor's depth, alias and directive rules on top of validation. The gateway keeps both results (yoga's validation cache, the estimates by document and by the variables' shape: numbers and list lengths), so a repeated operation, even with other ids or URLs, pays the lookup instead. The share is of the gateway's time per operation at its measured RPS on one event loop (1 / RPS):",
  );
  for (const row of rows) {
    const guards = measureGuards(row.scenario.operation);
    const rpsOf = row.gateways[0]?.measurement.rps ?? Number.NaN;
    const share = ((guards.estimateMicros + guards.backstopMicros) * rpsOf) / 1e4;
    const repeated = (guards.estimateLookupMicros * rpsOf) / 1e4;
    lines.push(
      `- ${row.number}. ${row.scenario.name}: estimate ${guards.estimateMicros.toFixed(1)} µs, backstops ${guards.backstopMicros.toFixed(1)} µs; ${share.toFixed(2)} % of an operation's time at ${rps(rpsOf)} RPS the first time; repeated, the estimate's lookup ${guards.estimateLookupMicros.toFixed(1)} µs (${repeated.toFixed(2)} %).`,
    );
  }
  lines.push("", "Scenarios:");
  for (const { number, scenario, gateways, floor } of rows) {
    lines.push(`${number}. ${scenario.name}`);
    for (const note of scenario.notes) lines.push(`   - ${note}`);
    lines.push(`   - Data, both ways: ${floor.summary}.`);
    const [first, ...others] = gateways.map((g) =>
      gateways.length > 1
        ? `${g.variant.label}: ${describeRun(g.measurement)}`
        : `gateway ${describeRun(g.measurement)}`,
    );
    lines.push(`   - Upstream calls: ${first}.`);
    for (const other of others) lines.push(`     ${other[0]?.toUpperCase()}${other.slice(1)}.`);
    lines.push(`     Floor ${describeRun(floor)}.`);
    const underLoad = [
      ...gateways.map(
        (g) =>
          `${gateways.length > 1 ? g.variant.label : "gateway"} ${g.measurement.callsPerOperationUnderLoad.toFixed(2)}`,
      ),
      `floor ${floor.callsPerOperationUnderLoad.toFixed(2)}`,
    ];
    lines.push(
      `   - Upstream calls per operation during the measured run: ${underLoad.join("; ")}.`,
    );
  }
  if (paid.length > 0) printPaid(lines, paid);
  lines.push(
    "",
    "How to read it:",
    "- RPS: GraphQL operations (gateway) or complete floor rounds (plain HTTP) per second; p50/p99: the latency of one operation or round, percentiles of every sample (autocannon's own histogram keeps whole milliseconds only). Concurrency is fixed, so once the target is saturated RPS ≈ connections / mean latency.",
    "- The floor is what any gateway adds to: the emulators' work plus a bare client's (undici, JSON.parse). The gateway row's process runs the gateway and both emulators on one event loop, so the emulators' CPU is inside the gateway's numbers too; the floor row's process runs the emulators alone. Both run compiled JavaScript on plain node, as `npm start` does.",
    `- The load generator (autocannon, or the floor's client) runs in the bench process on the same ${os.cpus().length}-CPU machine. The floor's client does real work per round (up to 12 HTTP calls and their JSON), so on a small machine the floor can be bounded by its client rather than by the emulators; it is then an underestimate of the true floor.`,
    "- Peak RSS: VmHWM from /proc/<pid>/status (the kernel's high-water mark of the resident set), read after the measured run. Every run gets a fresh process, so every peak is its own (start-up and warm-up included). Under load the peak is mostly V8 heap headroom, which grows with the allocation rate: a floor process answering several times more requests per second can peak higher than the gateway's, which is not a saving of the gateway. RSS at start: VmRSS once the process listens, before any request.",
    "- Upstream calls: counted at the emulators (/__emulator/requests) for one operation before the load, then for a second one; `12, then 3` means the first operation made 12 calls and the next only 3 (the rest came from the gateway's cache). Gateway and floor must match on the first. During the measured run: every call the emulators counted, over the operations completed (for the gateway slightly high: autocannon stops with requests in flight).",
    "- The vehicle page with stock photos has two gateway rows. Cache on is the default configuration: after the first operation only CarCutter is called (3 calls), so it measures the gateway serving OneAuto from memory. Cache off is the same gateway with nothing stored (the NO_CACHE settings): a lone operation makes all 12 calls, 9 of them paid, like the floor (`12` in the table). Under load it is not the cost of a gateway without any reuse, though: work in flight is still shared across requests (SHARE_INFLIGHT_READS, on by default; src/upstreams/in-flight.ts): concurrent identical OneAuto reads share one upstream call (the flight in src/cache/cached-oneauto.ts sits in front of the cache whatever its settings), and an operation that arrives while an identical one runs joins it (src/gateway/shared-operations.ts), so its calls per operation during the measured run are well below 12, and its RPS is closer to the cached row's than a truly uncached gateway's would be. The same holds for every scenario: the bench sends one operation over and over, so most operations under load join one in flight, as a popular page's visitors would.",
  );
  if (paid.length > 0) {
    lines.push(
      `- Paid calls per ${count(PAGE_VIEWS)} page views: a fresh gateway process per row, then exactly ${count(PAGE_VIEWS)} POSTs of the vehicle page's operation, one at a time or ${settings.connections} in flight (the bench's connections), each checked to hold the whole page. "emulator" counts the OneAuto emulator's requests of ${PAGE_PAID_OPERATIONS.join(" and ")} (every one answered 200, so billed); "extensions.cost" sums paidCalls over the ${count(PAGE_VIEWS)} responses; estimated £ sums their estimatedPence (15p per paid call by default). The first view of a fresh process always pays 9; with the cache on, nothing after it does until the VIN search's TTL (6 h) or the links' safety margin (1 h before their 7-day expiry). One at a time with the cache off is what a plain client pays (9 per view); with views in flight together the cache-off gateway pays less, as views that arrive while another view's identical OneAuto call, or the whole identical operation, is in flight share it (extensions.cost counts those as cache hits).`,
    );
  }
  console.log(lines.join("\n"));
}

function printPaid(lines: string[], paid: readonly PaidCount[]): void {
  lines.push(
    "",
    `### OneAuto paid calls per ${count(PAGE_VIEWS)} page views (${stockVehiclePage.name})`,
    "",
    "| mode | page views | paid calls (emulator) | paid calls (extensions.cost) | estimated £ |",
    "| --- | ---: | ---: | ---: | ---: |",
  );
  for (const c of paid) {
    lines.push(
      `| ${paidMode(c)} | ${count(c.views)} | ${count(totalOf(c.emulator))} | ${count(c.costPaidCalls)} | ${pounds(c.costPence)} |`,
    );
  }
  lines.push("");
  for (const c of paid) {
    const emulatorTotal = totalOf(c.emulator);
    const checks = [
      emulatorTotal === c.costPaidCalls
        ? "emulator and extensions.cost agree"
        : `MISMATCH: the emulator counted ${emulatorTotal}, extensions.cost ${c.costPaidCalls}`,
      c.costCalls === c.costPaidCalls
        ? "every OneAuto call billed"
        : `${c.costCalls - c.costPaidCalls} OneAuto calls not billed (not HTTP 200)`,
    ];
    lines.push(
      `- ${paidMode(c)}: ${describeCounts(c.emulator)} at the emulator; ${count(c.costCacheHits)} cache hits in extensions.cost; ${(c.costPaidCalls / c.views).toFixed(3)} paid calls per view; ${c.seconds.toFixed(1)} s for the ${count(c.views)} views; ${checks.join(", ")}.`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  if (settings.cpuProfDir) await mkdir(settings.cpuProfDir, { recursive: true });
  const tables = !settings.ladderOnly && !settings.firstByteOnly;
  const firstByte = settings.firstByteRounds > 0 && !settings.ladderOnly;
  const countPaid = tables && settings.scenarios.includes(stockVehiclePage);
  const pacings = [...new Set([1, settings.connections])];
  const paidModes = pacings.flatMap((concurrency) =>
    (stockVehiclePage.gateways ?? []).map((gateway) => ({ gateway, concurrency })),
  );
  const laddered =
    settings.ladderRounds > 0 && !settings.firstByteOnly
      ? settings.scenarios.filter((s) => s.ladder === true)
      : [];
  if (settings.ladderOnly && laddered.length === 0) {
    throw new UsageError(
      `--ladder-only: none of the chosen scenarios has a ladder (those that do: ${SCENARIOS.flatMap((s, i) => (s.ladder ? [i + 1] : [])).join(", ")})`,
    );
  }
  // Bounded whatever happens: a run that takes far longer than planned is a hang.
  const perRun = settings.warmupSeconds + settings.durationSeconds + 60;
  const runs = tables
    ? settings.scenarios.reduce(
        (n, s) =>
          n +
          (s.gateways ?? [DEFAULT_GATEWAY]).length +
          1 +
          (s.compareGuards ? GUARD_PAIRS + 1 : 0),
        0,
      )
    : 0;
  const ladderMs =
    laddered.length *
    (LADDER.length *
      (settings.warmupSeconds + 60 + settings.ladderRounds * (settings.durationSeconds + 5))) *
    1000;
  const documentsOn = tables && settings.documents > 0;
  const budgetMs =
    runs * perRun * 1000 +
    ladderMs +
    (countPaid ? paidModes.length * PAID_COUNT_BUDGET_MS : 0) +
    (documentsOn ? DOCUMENTS_BUDGET_MS : 0) +
    (firstByte ? FIRST_BYTE_BUDGET_MS : 0);
  setTimeout(() => {
    console.error(`bench: still running after ${budgetMs / 1000} s; giving up`);
    process.exit(1);
  }, budgetMs).unref();

  console.error("bench: compiling the target…");
  const targetJs = await buildTarget(settings.buildDir);
  const rows: Row[] = [];
  for (const scenario of tables ? settings.scenarios : []) {
    const index = SCENARIOS.indexOf(scenario);
    const gateways: GatewayRun[] = [];
    for (const variant of scenario.gateways ?? [DEFAULT_GATEWAY]) {
      console.error(`bench: ${index + 1}. ${scenario.name}: ${variant.label}…`);
      const measurement = await measure(targetJs, scenario, index, settings, variant);
      gateways.push({ variant, measurement });
    }
    console.error(`bench: ${index + 1}. ${scenario.name}: plain HTTP floor…`);
    const floor = await measure(targetJs, scenario, index, settings, undefined);
    for (const { variant, measurement } of gateways) {
      if (measurement.summary !== floor.summary) {
        throw new Error(
          `scenario ${index + 1}: the gateway (${variant.label}) and the floor fetched different data:\n  gateway: ${measurement.summary}\n  floor:   ${floor.summary}`,
        );
      }
    }
    let guards: GuardComparison | undefined;
    if (scenario.compareGuards) {
      console.error(`bench: ${index + 1}. ${scenario.name}: guards on against off…`);
      guards = await compareGuards(targetJs, scenario, index, settings);
    }
    rows.push({ number: index + 1, scenario, gateways, floor, guards });
  }
  const ladders: { title: string; result: LadderResult }[] = [];
  for (const scenario of laddered) {
    const index = SCENARIOS.indexOf(scenario);
    console.error(`bench: ${index + 1}. ${scenario.name}: the ladder, ${LADDER.length} gateways…`);
    const result = await climbLadder(targetJs, scenario, index, settings);
    ladders.push({ title: `${index + 1}. ${scenario.name}`, result });
  }
  const paid: PaidCount[] = [];
  if (countPaid) {
    for (const { gateway, concurrency } of paidModes) {
      console.error(
        `bench: paid calls of ${count(PAGE_VIEWS)} page views, ${gateway.label}, ${concurrency} at a time…`,
      );
      paid.push(await countPaidCalls(targetJs, gateway, concurrency, settings));
    }
  }
  let documents: DocumentsResult | undefined;
  if (documentsOn) {
    console.error(`bench: ${count(settings.documents)} distinct query texts to one gateway…`);
    documents = await measureDocuments(targetJs, settings);
  }
  let firstBytes: FirstByteRow[] | undefined;
  if (firstByte) {
    console.error("bench: the vehicle page's first and last byte, with and without @defer…");
    firstBytes = await timeFirstByte(targetJs, settings);
  }
  if (tables) printReport(rows, paid, settings);
  if (firstBytes) console.log(firstByteLines(firstBytes).join("\n"));
  if (ladders.length > 0) printLadders(ladders, settings);
  if (documents) printDocuments(documents);
}

/** Upper bound for the first-byte measurement (start, warm-up, the rounds, stop). */
const FIRST_BYTE_BUDGET_MS = 120_000;

/** A gateway of its own, its emulators at the demo's latencies and no OneAuto answer reused. */
async function timeFirstByte(targetJs: string, settings: Settings): Promise<FirstByteRow[]> {
  const target = await startTarget(targetJs, "gateway", settings, "first-byte", {
    ...NO_CACHE_CONFIG,
    ONEAUTO_EMULATOR_LATENCY_MS: "demo",
    CARCUTTER_EMULATOR_LATENCY_MS: "demo",
  });
  try {
    const url = target.ready.gatewayUrl;
    if (url === undefined) throw new Error("the gateway target gave no URL");
    return await measureFirstByte(url, settings.firstByteRounds);
  } finally {
    await target.stop();
  }
}

function printLadders(
  ladders: readonly { title: string; result: LadderResult }[],
  settings: Settings,
): void {
  const lines: string[] = [];
  if (settings.ladderOnly) {
    const cpus = os.cpus();
    lines.push(
      "## Forecourt benchmark: the ladder",
      "",
      `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}.`,
    );
  }
  for (const { title, result } of ladders) lines.push(...ladderLines(title, result));
  const [first] = ladders;
  if (first) lines.push("", ladderExplanation(first.result, settings.connections));
  console.log(lines.join("\n"));
}

/** Upper bound for the distinct-documents run (start, the documents, stop). */
const DOCUMENTS_BUDGET_MS = 600_000;

async function measureDocuments(targetJs: string, settings: Settings): Promise<DocumentsResult> {
  const target = await startTarget(targetJs, "gateway", settings, "documents");
  try {
    const url = target.ready.gatewayUrl;
    if (!url) throw new Error("the gateway target gave no URL");
    return await sendDistinctDocuments(url, settings.documents, settings.connections, async () => {
      const memory = await memoryOf(target.pid);
      return memory?.rss ?? Number.NaN;
    });
  } finally {
    await target.stop();
  }
}

function printDocuments(result: DocumentsResult): void {
  const [first] = result.rssAt;
  const half = result.rssAt[Math.floor(result.rssAt.length / 2) - 1];
  const last = result.rssAt.at(-1);
  const lines = [
    "",
    `Memory under ${count(result.count)} distinct query texts (one gateway process, each text the size of a vehicle page, ${(result.count / result.seconds).toFixed(0)} a second): VmRSS after each tenth, MiB:`,
    "",
    `| sent | ${result.rssAt.map((at) => count(at.sent)).join(" | ")} |`,
    `|---|${result.rssAt.map(() => "---").join("|")}|`,
    `| RSS | ${result.rssAt.map((at) => mib(at.rss)).join(" | ")} |`,
    "",
    `From the first tenth to the end: ${signed((last?.rss ?? Number.NaN) - (first?.rss ?? Number.NaN), mib)} MiB; over the second half: ${signed((last?.rss ?? Number.NaN) - (half?.rss ?? Number.NaN), mib)} MiB (the first tenths include the heap's own growth to its working size). Yoga keeps 1,024 parsed and validated documents (LRU), the estimates live and die with them, and the operation-name label set stops at 200 names; a gateway keeping every text would grow by some 20 KB a text.`,
  ];
  console.log(lines.join("\n"));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${HELP}`);
    else console.error("bench failed:", error);
    process.exit(1);
  },
);
