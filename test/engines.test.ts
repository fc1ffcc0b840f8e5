import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

/**
 * `npm ci` on the Node the README names prints no EBADENGINE warning: every package the lockfile
 * installs accepts the lowest Node of package.json's `engines` (20.19) and the Node running here.
 * npm's own range matching (semver, which npm itself uses) decides, not a reading of ours.
 */

const ROOT = new URL("..", import.meta.url).pathname;
const semver = createRequire(import.meta.url)("semver") as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

async function json<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(`${ROOT}${path}`, "utf8")) as T;
}

describe("engines", () => {
  it("every package in package-lock.json accepts Node 20.19 and the Node running the tests", async () => {
    const manifest = await json<{ engines: { node: string } }>("package.json");
    const lowest = semver.minVersion(manifest.engines.node)?.version;
    expect(lowest).toBe("20.19.0");
    const lock = await json<{ packages: Record<string, LockedPackage> }>("package-lock.json");
    const refusing: string[] = [];
    let checked = 0;
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (path === "" || range === undefined) continue;
      checked += 1;
      for (const node of [lowest ?? "", process.versions.node]) {
        if (!semver.satisfies(node, range)) {
          refusing.push(`${path}@${entry.version} wants node ${range}, not ${node}`);
        }
      }
    }
    // The lockfile declares engines for hundreds of packages: an empty walk proves nothing.
    expect(checked).toBeGreaterThan(100);
    expect(refusing).toEqual([]);
  });
});
