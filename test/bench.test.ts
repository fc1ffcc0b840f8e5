import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** `npm run bench` with `args`, as short as it goes: 1 s slices, no warm-up, 2 connections. */
async function bench(...args: string[]): Promise<string> {
  const shortest = ["--duration", "1", "--warmup", "0", "--connections", "2"];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "bench/run.ts", ...args, ...shortest],
    { cwd: ROOT, timeout: 150_000, maxBuffer: 8 * 1024 * 1024 },
  );
  return stdout;
}

/**
 * `npm run bench` is what the README's figures come from; a smoke run keeps it working: one short
 * scenario, gateway and floor, and a few hundred distinct documents. It proves the bench runs and
 * prints figures, not how fast anything is (that is for the bench itself, on a quiet machine).
 */
describe("npm run bench", () => {
  it("a short run prints the scenario's figures, the gateway fetching what the floor fetches", async () => {
    const stdout = await bench("--scenario", "3", "--documents", "200");
    const rows = stdout
      .split("\n")
      .filter((line) => line.startsWith("| 3. "))
      .map((line) => line.split("|").map((cell) => cell.trim()));
    const gateway = rows.find((cells) => cells[2] === "gateway (GraphQL)");
    const floor = rows.find((cells) => cells[2] === "plain HTTP (floor)");
    expect(gateway, stdout).toBeDefined();
    expect(floor, stdout).toBeDefined();
    for (const cells of [gateway, floor]) {
      const rps = Number(cells?.[3]?.replaceAll(",", ""));
      expect(rps).toBeGreaterThan(0);
      const peakRss = Number(cells?.[6]);
      expect(peakRss).toBeGreaterThan(0);
    }
    // The first operation's calls, counted at the emulators: one list, 20 features, one status batch.
    expect(gateway?.[8]).toBe(floor?.[8]);
    expect(stdout).toMatch(/Memory under 200 distinct query texts/);
  }, 180_000);

  it("the ladder prints CPU per operation for the bare stack and each phase added in turn", async () => {
    const stdout = await bench("--scenario", "5", "--ladder-only", "--ladder-rounds", "1");
    const table = stdout.slice(stdout.indexOf("### Ladder: 5."));
    const rows = table
      .split("\n")
      .filter((line) => /^\| (bare stack|\+ )/.test(line))
      .map((line) => line.split("|").map((cell) => cell.trim()));
    expect(
      rows.map((cells) => cells[1]),
      stdout,
    ).toEqual([
      "bare stack",
      "+ reporting",
      "+ endpoints",
      "+ admission",
      "+ documents",
      "+ execution, operations not shared",
      "+ sharing identical operations in flight (the default gateway)",
    ]);
    for (const cells of rows) {
      expect(Number(cells[2])).toBeGreaterThan(0);
      expect(Number(cells[6]?.replaceAll(",", ""))).toBeGreaterThan(0);
    }
    expect(stdout).toMatch(/Every phase, operations not shared: [+−]\d+ µs per operation/);
  }, 180_000);

  it("the vehicle page's first and last byte: with @defer the first byte comes long before the last", async () => {
    const stdout = await bench("--first-byte-only", "--first-byte-rounds", "1");
    const rows = stdout
      .split("\n")
      .filter((line) => /^\| (one complete|@defer)/.test(line))
      .map((line) => line.split("|").map((cell) => Number(cell.trim())));
    expect(rows, stdout).toHaveLength(3);
    const [whole, ...deferred] = rows;
    // One complete answer: its first byte waits for the slowest paid link.
    expect(whole?.[2]).toBeGreaterThan(400);
    for (const cells of deferred) {
      // The record first, at once; the photos at the demo's link time, as without @defer.
      expect(cells[2]).toBeLessThan(Number(whole?.[2]) / 2);
      expect(cells[3]).toBeGreaterThan(400);
    }
  }, 180_000);
});
