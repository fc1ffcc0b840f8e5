import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type BuildTarget, build, TARGETS } from "../scripts/build.js";

/**
 * `npm run build` (run by `npm start`) builds only what changed: a second build with nothing
 * changed runs no compiler, a changed source rebuilds its own output only, and two builds at
 * once in one checkout run each compiler once, not side by side.
 */

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A checkout with two targets whose "compilers" copy their source and count their runs. */
async function checkout(): Promise<{ root: string; targets: BuildTarget[]; runs: string[] }> {
  const root = await mkdtemp(join(tmpdir(), "forecourt-build-"));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  await mkdir(join(root, "src", "nested"), { recursive: true });
  await mkdir(join(root, "web"), { recursive: true });
  await writeFile(join(root, "src", "main.ts"), "export const a = 1;\n");
  await writeFile(join(root, "src", "nested", "b.ts"), "export const b = 2;\n");
  await writeFile(join(root, "web", "index.html"), "<!doctype html>\n");
  await writeFile(join(root, "package-lock.json"), "{}\n");
  const runs: string[] = [];
  const targets: BuildTarget[] = [
    {
      name: "gateway",
      inputs: ["src", "package-lock.json"],
      output: "dist/main.js",
      stamp: "dist/.build-stamp.json",
      command: ["compile", "gateway"],
    },
    {
      name: "web",
      inputs: ["web", "package-lock.json"],
      output: "dist/web/index.html",
      stamp: "dist/web/.build-stamp.json",
      command: ["compile", "web"],
    },
  ];
  return { root, targets, runs };
}

function compiler(runs: string[], root: string) {
  return async (command: BuildTarget["command"]) => {
    const name = command[1] ?? "";
    runs.push(name);
    // Slow enough that a second build started meanwhile finds the lock held.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const output = name === "gateway" ? "dist/main.js" : "dist/web/index.html";
    await mkdir(join(root, output, ".."), { recursive: true });
    await writeFile(join(root, output), `built ${runs.length}\n`);
  };
}

describe("npm run build", () => {
  it("builds everything the first time, and nothing the second time when nothing changed", async () => {
    const { root, targets, runs } = await checkout();
    const run = compiler(runs, root);
    expect(await build(targets, { root, run })).toEqual(["gateway", "web"]);
    expect(await build(targets, { root, run })).toEqual([]);
    expect(runs).toEqual(["gateway", "web"]);
  });

  it("a changed, added or deleted source rebuilds its own output only", async () => {
    const { root, targets, runs } = await checkout();
    const run = compiler(runs, root);
    await build(targets, { root, run });
    await writeFile(join(root, "src", "nested", "b.ts"), "export const b = 3;\n");
    expect(await build(targets, { root, run })).toEqual(["gateway"]);
    await writeFile(join(root, "web", "app.tsx"), "export {};\n");
    expect(await build(targets, { root, run })).toEqual(["web"]);
    await rm(join(root, "src", "main.ts"));
    expect(await build(targets, { root, run })).toEqual(["gateway"]);
    // Shared tooling (the lockfile) rebuilds both.
    await writeFile(join(root, "package-lock.json"), '{"lockfileVersion":3}\n');
    expect(await build(targets, { root, run })).toEqual(["gateway", "web"]);
    expect(runs).toEqual(["gateway", "web", "gateway", "web", "gateway", "gateway", "web"]);
  });

  it("goes by content, not time: a touched file with the same content rebuilds nothing", async () => {
    const { root, targets, runs } = await checkout();
    const run = compiler(runs, root);
    await build(targets, { root, run });
    const later = new Date(Date.now() + 60_000);
    await utimes(join(root, "src", "main.ts"), later, later);
    expect(await build(targets, { root, run })).toEqual([]);
  });

  it("a deleted output is rebuilt, and --force rebuilds everything", async () => {
    const { root, targets, runs } = await checkout();
    const run = compiler(runs, root);
    await build(targets, { root, run });
    await rm(join(root, "dist", "web"), { recursive: true });
    expect(await build(targets, { root, run })).toEqual(["web"]);
    expect(await build(targets, { root, run, force: true })).toEqual(["gateway", "web"]);
  });

  it("two builds at once run each compiler once: the second waits, then finds nothing to do", async () => {
    const { root, targets, runs } = await checkout();
    const run = compiler(runs, root);
    const both = await Promise.all([build(targets, { root, run }), build(targets, { root, run })]);
    expect(runs).toEqual(["gateway", "web"]);
    expect(both.map((built) => built.length).sort()).toEqual([0, 2]);
  });

  it("takes over a lock left by a build that died, and refuses to wait forever for a live one", async () => {
    const { root, targets, runs } = await checkout();
    const run = compiler(runs, root);
    const lock = join(root, "dist", ".build-lock");
    await mkdir(lock, { recursive: true });
    // A pid that cannot be running: above Linux's pid_max.
    await writeFile(join(lock, "pid"), "4194305");
    expect(await build(targets, { root, run })).toEqual(["gateway", "web"]);
    await mkdir(lock, { recursive: true });
    await writeFile(join(lock, "pid"), String(process.pid));
    await expect(build(targets, { root, run, lockTimeoutMs: 200 })).rejects.toThrow(
      /Another build \(pid \d+\) has held/,
    );
  });

  it("builds once when several builds at once find a lock left by a build that died", async () => {
    // Each round is a race: a few rounds make one interleaving that loses it near certain.
    for (let round = 0; round < 5; round++) {
      const { root, targets, runs } = await checkout();
      const run = compiler(runs, root);
      const lock = join(root, "dist", ".build-lock");
      await mkdir(lock, { recursive: true });
      // A pid that cannot be running: above Linux's pid_max.
      await writeFile(join(lock, "pid"), "4194305");
      // Every waiter sees the dead owner; only one may take the lock over, and the others must
      // not remove the fresh lock it then holds. Started a turn of the loop apart, so that some
      // read the dead owner while others remove it.
      const all = await Promise.all(
        Array.from({ length: 12 }, async (_, i) => {
          for (let n = 0; n <= i; n++) await new Promise((resolve) => setImmediate(resolve));
          return build(targets, { root, run });
        }),
      );
      expect(runs).toEqual(["gateway", "web"]);
      expect(all.map((built) => built.length).sort()).toEqual([...Array(11).fill(0), 2]);
      expect(
        (await readdir(join(root, "dist"))).filter((name) => name.startsWith(".build-lock")),
      ).toEqual([]);
    }
  });

  it("the real targets cover the gateway's and the showroom's sources and write their stamps inside their outputs", async () => {
    const byName = new Map(TARGETS.map((target) => [target.name, target]));
    expect(byName.get("gateway")?.inputs).toEqual(expect.arrayContaining(["src"]));
    expect(byName.get("showroom")?.inputs).toEqual(expect.arrayContaining(["examples/showroom"]));
    for (const target of TARGETS) {
      expect(target.stamp.startsWith(join(target.output, "..").replace(/\/\.$/, ""))).toBe(true);
    }
    expect(JSON.parse(await readFile("package.json", "utf8")).scripts.build).toBe(
      "tsx scripts/build.ts",
    );
  });
});
