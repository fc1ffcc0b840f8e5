import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { defaultHttpSettings } from "../src/upstreams/settings.js";
import { cannon, drive, type LoadResult, type LoadSettings, memoryOf } from "./load.js";
import { PlainCarCutter, prepare, SCENARIOS, type Scenario } from "./scenarios.js";
import type { TargetMode, TargetReady, TargetStop } from "./target.js";

/**
 * `npm run bench`: for each scenario, the gateway (with its emulators, in a child process) under
 * autocannon, then the same data fetched with plain HTTP from the emulators alone (another child),
 * at the same concurrency and duration. Each measurement gets a fresh child, so each peak RSS is
 * that run's own. Prints a Markdown table on stdout; progress goes to stderr.
 */

const HELP = `usage: npm run bench -- [--duration S] [--warmup S] [--connections N] [--scenario I]... [--cpu-prof DIR]
  --duration     measured seconds per run (default 5)
  --warmup       seconds of load before each measured run, not counted (default 1; 0 for none)
  --connections  concurrent connections / floor workers (default 16)
  --scenario     run only scenario I (1-based; repeatable)
  --cpu-prof     write a V8 CPU profile of every target process into DIR (node --cpu-prof)`;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Where the target is compiled to (under node_modules, so that its imports resolve). */
const BUILD_DIR = join(ROOT, "node_modules", ".cache", "forecourt-bench");
const BUILD_TIMEOUT_MS = 120_000;
const STARTUP_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const MIB = 1024 * 1024;

interface Settings extends LoadSettings {
  warmupSeconds: number;
  scenarios: readonly Scenario[];
  cpuProfDir: string | undefined;
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
      "cpu-prof": { type: "string" },
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
  return {
    durationSeconds: number("duration", values.duration, 1, true),
    warmupSeconds: number("warmup", values.warmup, 0, true),
    connections: number("connections", values.connections, 1, true),
    scenarios: picked.length > 0 ? picked : SCENARIOS,
    cpuProfDir: cpuProf === undefined ? undefined : resolve(cpuProf),
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
async function buildTarget(): Promise<string> {
  const out = join(BUILD_DIR, "out");
  await rm(out, { recursive: true, force: true });
  await mkdir(BUILD_DIR, { recursive: true });
  const tsconfig = join(BUILD_DIR, "tsconfig.json");
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
  // Below node_modules, node looks no further up for the package's "type": say it here.
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
): Promise<Target> {
  const profile = settings.cpuProfDir
    ? ["--cpu-prof", `--cpu-prof-dir=${settings.cpuProfDir}`, `--cpu-prof-name=${label}.cpuprofile`]
    : [];
  // Its stdout goes to our stderr: stdout is for the table.
  const child = spawn(process.execPath, [...profile, targetJs, mode], {
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
// One measurement: a fresh child, a checked round, warm-up, the measured run, the peak RSS.

interface Measurement extends LoadResult {
  summary: string;
  counts: Counts;
  startRss: number | undefined;
  peakRss: number | undefined;
}

async function measure(
  targetJs: string,
  mode: TargetMode,
  scenario: Scenario,
  index: number,
  settings: Settings,
): Promise<Measurement> {
  const label = `${index + 1}-${mode}`;
  const target = await startTarget(targetJs, mode, settings, label);
  try {
    const { ready } = target;
    const atStart = await memoryOf(target.pid);
    await prepare(ready.carcutterUrl);
    await resetCounters(ready);

    // The floor's client keeps as many connections to CarCutter as the gateway does.
    const client =
      mode === "emulators"
        ? new PlainCarCutter(ready.carcutterUrl, defaultHttpSettings("carcutter").connections)
        : undefined;
    try {
      let run: (load: LoadSettings) => Promise<LoadResult>;
      let summary: string;
      if (client) {
        summary = scenario.summarizeFloor(await scenario.floor(client));
        run = (load) => drive(() => scenario.floor(client), load);
      } else {
        if (!ready.gatewayUrl) throw new Error("the gateway target sent no gateway URL");
        const url = `${ready.gatewayUrl}/graphql`;
        const body = JSON.stringify(scenario.operation);
        summary = scenario.summarizeGraphql(await verifyGraphql(url, body));
        run = (load) => cannon(url, body, load);
      }
      const counts = await readCounters(ready);

      if (settings.warmupSeconds > 0) {
        await run({ ...settings, durationSeconds: settings.warmupSeconds });
      }
      const result = await run(settings);
      const atEnd = await memoryOf(target.pid);
      return { ...result, summary, counts, startRss: atStart?.rss, peakRss: atEnd?.peakRss };
    } finally {
      await client?.close();
    }
  } finally {
    await target.stop();
  }
}

/** One request before any load: it must answer 200 with data and without `errors`. */
async function verifyGraphql(url: string, body: string): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body,
  });
  const text = await response.text();
  let answer: { data?: unknown; errors?: unknown };
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
  return answer.data;
}

// ---------------------------------------------------------------------------------------------
// Output.

interface Row {
  /** 1-based, as in --scenario. */
  number: number;
  scenario: Scenario;
  gateway: Measurement;
  floor: Measurement;
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const mib = (bytes: number | undefined) =>
  bytes === undefined || Number.isNaN(bytes) ? "n/a" : (bytes / MIB).toFixed(0);
const rps = (n: number) => Math.round(n).toLocaleString("en-US");
const signed = (n: number, format: (n: number) => string) =>
  (n >= 0 ? "+" : "−") + format(Math.abs(n));

function printReport(rows: readonly Row[], settings: Settings): void {
  const cpus = os.cpus();
  const lines = [
    "## Forecourt benchmark",
    "",
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}.`,
    `Settings: ${settings.connections} connections (floor: ${settings.connections} workers), ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s measured per run; emulators in-process with zero added latency; the gateway keeps ${defaultHttpSettings("carcutter").connections} connections to CarCutter, and so does the floor.`,
    "",
    "| scenario | via | RPS | p50 ms | p99 ms | peak RSS MiB | RSS at start MiB | upstream calls per operation |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const { number, scenario, gateway, floor } of rows) {
    const name = `${number}. ${scenario.name}`;
    for (const [via, m] of [
      ["gateway (GraphQL)", gateway],
      ["plain HTTP (floor)", floor],
    ] as const) {
      lines.push(
        `| ${name} | ${via} | ${rps(m.rps)} | ${ms(m.p50)} | ${ms(m.p99)} | ${mib(m.peakRss)} | ${mib(m.startRss)} | ${totalOf(m.counts)} |`,
      );
    }
  }
  lines.push("", "Gateway against its floor:");
  for (const { number, scenario, gateway, floor } of rows) {
    const share = ((gateway.rps / floor.rps) * 100).toFixed(0);
    const peakDelta = (gateway.peakRss ?? Number.NaN) - (floor.peakRss ?? Number.NaN);
    lines.push(
      `- ${number}. ${scenario.name}: ${share} % of the floor's RPS; p50 ${signed(gateway.p50 - floor.p50, ms)} ms, p99 ${signed(gateway.p99 - floor.p99, ms)} ms; peak RSS ${signed(peakDelta, mib)} MiB.`,
    );
  }
  lines.push("", "Scenarios:");
  for (const { number, scenario, gateway, floor } of rows) {
    lines.push(`${number}. ${scenario.name}`);
    for (const note of scenario.notes) lines.push(`   - ${note}`);
    lines.push(`   - Data, both ways: ${gateway.summary}.`);
    lines.push(`   - Upstream calls: gateway ${describeCounts(gateway.counts)}.`);
    lines.push(`     Floor ${describeCounts(floor.counts)}.`);
  }
  lines.push(
    "",
    "How to read it:",
    "- RPS: GraphQL operations (gateway) or complete floor rounds (plain HTTP) per second; p50/p99: the latency of one operation or round, percentiles of every sample (autocannon's own histogram keeps whole milliseconds only). Concurrency is fixed, so once the target is saturated RPS ≈ connections / mean latency.",
    "- The floor is what any gateway adds to: the emulators' work plus a bare client's (undici, JSON.parse). The gateway row's process runs the gateway and both emulators on one event loop, so the emulators' CPU is inside the gateway's numbers too; the floor row's process runs the emulators alone. Both run compiled JavaScript on plain node, as `npm start` does.",
    `- The load generator (autocannon, or the floor's client) runs in the bench process on the same ${os.cpus().length}-CPU machine. The floor's client does real work per round (up to 11 HTTP calls and their JSON), so on a small machine the floor can be bounded by its client rather than by the emulators; it is then an underestimate of the true floor.`,
    "- Peak RSS: VmHWM from /proc/<pid>/status (the kernel's high-water mark of the resident set), read after the measured run. Every run gets a fresh process, so every peak is its own (start-up and warm-up included). Under load the peak is mostly V8 heap headroom, which grows with the allocation rate: a floor process answering several times more requests per second can peak higher than the gateway's, which is not a saving of the gateway. RSS at start: VmRSS once the process listens, before any request.",
    "- Upstream calls: counted at the emulators (/__emulator/requests) for one operation, before the load; gateway and floor must match.",
  );
  console.log(lines.join("\n"));
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  if (settings.cpuProfDir) await mkdir(settings.cpuProfDir, { recursive: true });
  // Bounded whatever happens: a run that takes far longer than planned is a hang.
  const perRun = settings.warmupSeconds + settings.durationSeconds + 60;
  const budgetMs = settings.scenarios.length * 2 * perRun * 1000;
  setTimeout(() => {
    console.error(`bench: still running after ${budgetMs / 1000} s; giving up`);
    process.exit(1);
  }, budgetMs).unref();

  console.error("bench: compiling the target…");
  const targetJs = await buildTarget();
  const rows: Row[] = [];
  for (const scenario of settings.scenarios) {
    const index = SCENARIOS.indexOf(scenario);
    console.error(`bench: ${index + 1}. ${scenario.name}: gateway…`);
    const gateway = await measure(targetJs, "gateway", scenario, index, settings);
    console.error(`bench: ${index + 1}. ${scenario.name}: plain HTTP floor…`);
    const floor = await measure(targetJs, "emulators", scenario, index, settings);
    if (gateway.summary !== floor.summary) {
      throw new Error(
        `scenario ${index + 1}: the gateway and the floor fetched different data:\n  gateway: ${gateway.summary}\n  floor:   ${floor.summary}`,
      );
    }
    rows.push({ number: index + 1, scenario, gateway, floor });
  }
  printReport(rows, settings);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${HELP}`);
    else console.error("bench failed:", error);
    process.exit(1);
  },
);
