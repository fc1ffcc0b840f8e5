import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

/**
 * `npm run build` (and so `npm start`): builds the gateway (tsc) and the showroom (Vite) only
 * when what they are built from changed since their last build, so a restart with nothing
 * changed starts at once. Each build leaves a stamp in its output: a hash of its inputs' paths
 * and contents (not their times, so a checkout that changes nothing rebuilds nothing). A lock
 * lets one `npm run build` in a checkout build while another waits for it and then finds
 * nothing to do, rather than both running Vite, which refuses a second build at once.
 * `--force` rebuilds everything.
 */

export interface BuildTarget {
  name: string;
  /** Files and directories (read recursively) the output is built from, relative to `root`. */
  inputs: readonly string[];
  /** The file that must exist for the output to count as built. */
  output: string;
  /** Where the stamp is written, inside the output so that deleting the output rebuilds it. */
  stamp: string;
  /** The command that builds it. */
  command: readonly [string, ...string[]];
}

export interface BuildOptions {
  root: string;
  force?: boolean;
  /** Runs a target's command; a child process by default. */
  run?: (command: BuildTarget["command"], cwd: string) => Promise<void>;
  /** Told what is built and what is skipped. */
  say?: (line: string) => void;
  /** How long a build waits for another one holding the lock (default 10 minutes). */
  lockTimeoutMs?: number;
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = (name: string) => join(ROOT, "node_modules", ".bin", name);
/** What a change anywhere in it can change the output of, besides the sources. */
const TOOLING = ["package-lock.json", "tsconfig.json"];

export const TARGETS: readonly BuildTarget[] = [
  {
    name: "gateway",
    inputs: ["src", "tsconfig.build.json", ...TOOLING],
    output: "dist/main.js",
    stamp: "dist/.build-stamp.json",
    command: [BIN("tsc"), "-p", "tsconfig.build.json"],
  },
  {
    name: "showroom",
    inputs: ["examples/showroom", ...TOOLING],
    output: "dist/showroom/index.html",
    stamp: "dist/showroom/.build-stamp.json",
    command: [BIN("vite"), "build", "examples/showroom"],
  },
];

/** A hash of every input file's path and content, in a fixed order. */
export async function inputsHash(root: string, inputs: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  const files = (await Promise.all(inputs.map((input) => filesUnder(join(root, input))))).flat();
  for (const file of files.sort()) {
    hash
      .update(relative(root, file))
      .update("\0")
      .update(await readFile(file))
      .update("\0");
  }
  return hash.digest("hex");
}

async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => entry.name !== "node_modules")
      .map((entry) => filesUnder(join(path, entry.name))),
  );
  return nested.flat();
}

/** The hash to build for, or undefined when the output is already built from these inputs. */
async function staleHash(root: string, target: BuildTarget): Promise<string | undefined> {
  const hash = await inputsHash(root, target.inputs);
  const built = await stat(join(root, target.output)).then(
    () => true,
    () => false,
  );
  const stamp = await readFile(join(root, target.stamp), "utf8").catch(() => "");
  const recorded = stamp ? (JSON.parse(stamp) as { inputs?: string }).inputs : undefined;
  return built && recorded === hash ? undefined : hash;
}

/** Builds the targets whose inputs changed; answers the names of those it built. */
export async function build(
  targets: readonly BuildTarget[],
  options: BuildOptions,
): Promise<string[]> {
  const { root, run = runCommand, say = () => {} } = options;
  const release = await lock(join(root, "dist", ".build-lock"), options.lockTimeoutMs ?? 600_000);
  try {
    const built: string[] = [];
    for (const target of targets) {
      const hash = options.force
        ? await inputsHash(root, target.inputs)
        : await staleHash(root, target);
      if (hash === undefined) {
        say(`${target.name}: up to date`);
        continue;
      }
      say(`${target.name}: building`);
      const startedAt = performance.now();
      await run(target.command, root);
      await mkdir(dirname(join(root, target.stamp)), { recursive: true });
      await writeFile(join(root, target.stamp), `${JSON.stringify({ inputs: hash })}\n`);
      say(`${target.name}: built in ${Math.round(performance.now() - startedAt)} ms`);
      built.push(target.name);
    }
    return built;
  } finally {
    await release();
  }
}

/**
 * A directory as a lock, holding the owner's pid: it appears with its pid already inside (made
 * aside, then renamed into place, which either succeeds or fails atomically). A lock whose owner
 * is gone (a build killed midway) is taken over, by one waiter at a time: each takes a second,
 * short-lived lock first and checks the owner again under it, so a waiter that saw the dead
 * owner cannot remove a fresh lock another waiter has just taken.
 */
async function lock(path: string, timeoutMs: number): Promise<() => Promise<void>> {
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await claim(path)) return () => removeWhole(path);
    const owner = await ownerOf(path);
    if (owner > 0 && !alive(owner) && (await takeOver(path, owner))) continue;
    if (Date.now() > deadline) {
      throw new Error(
        `Another build (pid ${owner || "unknown"}) has held ${path} for ${timeoutMs} ms; stop it, or remove that directory.`,
      );
    }
    await sleep(100);
  }
}

/** Creates the lock holding this process's pid; false when it exists already. */
async function claim(path: string): Promise<boolean> {
  const aside = `${path}.${process.pid}.${randomUUID()}`;
  await mkdir(aside);
  try {
    await writeFile(join(aside, "pid"), String(process.pid));
    await rename(aside, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EEXIST" && code !== "ENOTEMPTY") throw error;
    return false;
  } finally {
    await rm(aside, { recursive: true, force: true });
  }
}

async function ownerOf(path: string): Promise<number> {
  return Number(await readFile(join(path, "pid"), "utf8").catch(() => ""));
}

/** A takeover holds its own lock for milliseconds: one older than this was left by a crash. */
const TAKEOVER_STALE_MS = 10_000;

/**
 * Removes the lock if `deadOwner` still holds it, under a takeover lock so that no two waiters
 * do so at once; answers whether the caller should try to claim again now.
 */
async function takeOver(path: string, deadOwner: number): Promise<boolean> {
  const guard = `${path}.takeover`;
  try {
    await mkdir(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const since = await stat(guard).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (since > TAKEOVER_STALE_MS) await rm(guard, { recursive: true, force: true });
    return false;
  }
  try {
    // Checked again under the guard: another waiter may have taken the lock over already.
    if ((await ownerOf(path)) === deadOwner) await removeWhole(path);
    return true;
  } finally {
    await rm(guard, { recursive: true, force: true });
  }
}

/**
 * Removes a lock in one step: moved aside (rename is atomic), then deleted. Deleted in place, it
 * was an empty directory for a moment between its pid file and itself, and a waiter's claim
 * (a rename onto it) replaced that empty directory: the remover's rmdir then failed with
 * ENOTEMPTY, and the new lock was deleted under its owner.
 */
async function removeWhole(path: string): Promise<void> {
  const gone = `${path}.gone.${randomUUID()}`;
  try {
    await rename(path, gone);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  await rm(gone, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function runCommand(command: BuildTarget["command"], cwd: string): Promise<void> {
  const [file, ...args] = command;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  build(TARGETS, {
    root: ROOT,
    force: process.argv.includes("--force"),
    say: (line) => console.log(`build: ${line}`),
  }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
