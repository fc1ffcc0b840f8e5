import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { TYPICAL_LATENCY_MS } from "../../src/upstreams/typical-latency.js";
import { startMain } from "../support/main-process.js";

/**
 * The process a person runs (src/main.ts, as `npm start` runs it) over its built-in emulators:
 * outside production they answer in typical upstream time, and its start-up lines say so.
 */

const STARTED = /GraphQL(?: and GraphiQL)?:\s+(http\S+)/;
/** Free ports, and no pause on the way out. */
const QUICK = {
  PORT: "0",
  CARCUTTER_EMULATOR_PORT: "0",
  ONEAUTO_EMULATOR_PORT: "0",
  DRAIN_DELAY_MS: "0",
};

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await once(child, "exit");
}

describe("the demo's emulator latency", () => {
  it("unset outside production: a stock link takes its typical time, and the start-up lines say so", async () => {
    const { child, output } = startMain(QUICK);
    try {
      await expect.poll(() => STARTED.exec(output())?.[1], { timeout: 20_000 }).toBeDefined();
      const url = STARTED.exec(output())?.[1] ?? "";
      expect(output()).toMatch(
        /OneAuto emulator:\s+http:\/\/127\.0\.0\.1:\d+, answers after \d+–\d+ ms \(ONEAUTO_EMULATOR_LATENCY_MS=0: at once\)/,
      );
      expect(output()).toMatch(
        /CarCutter emulator:\s+http:\/\/127\.0\.0\.1:\d+, answers after \d+–\d+ ms \(CARCUTTER_EMULATOR_LATENCY_MS=0: at once\)/,
      );
      const started = performance.now();
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: '{ stockImage(imageId: "bmw-3-series-g20-front", color: "Blue") { url } }',
        }),
      });
      const body = (await res.json()) as { data?: { stockImage?: { url: string } | null } };
      const ms = performance.now() - started;
      expect(body.data?.stockImage?.url).toMatch(/^http/);
      expect(ms).toBeGreaterThanOrEqual(TYPICAL_LATENCY_MS.oneauto.imageLink);
    } finally {
      await stop(child);
    }
  }, 40_000);

  it("in production (as the peers' benchmark runs it): no latency, and nothing said about it", async () => {
    const { child, output } = startMain({ ...QUICK, NODE_ENV: "production" });
    try {
      await expect.poll(() => STARTED.exec(output())?.[1], { timeout: 20_000 }).toBeDefined();
      expect(output()).toMatch(/OneAuto emulator:\s+http:\/\/127\.0\.0\.1:\d+\n/);
      expect(output()).not.toMatch(/answers after/);
    } finally {
      await stop(child);
    }
  }, 40_000);
});
