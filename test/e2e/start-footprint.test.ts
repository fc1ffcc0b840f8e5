import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAIN, spawnCollecting } from "../support/main-process.js";

const PRELOAD = new URL("../support/loaded-packages.cjs", import.meta.url).pathname;

/**
 * What a gateway on the defaults loads at start: libraries only other configurations use are
 * loaded on first use (src/optional-dependencies.ts), each being MBs of resident memory per process
 * (README, Memory).
 */
describe("start-up footprint", () => {
  it("a gateway without Redis, PostgreSQL, a terminal or traces loads none of their libraries", async () => {
    // One process (tsx's CLI would start a second), whose CommonJS modules the preload lists.
    const { child, output } = spawnCollecting(
      process.execPath,
      ["--require", PRELOAD, "--import", "tsx", MAIN],
      {
        env: {
          PATH: process.env.PATH ?? "",
          NODE_ENV: "production",
          LOG_LEVEL: "silent",
          PORT: "0",
          CARCUTTER_EMULATOR_PORT: "0",
          ONEAUTO_EMULATOR_PORT: "0",
          FORECOURT_DATA_DIR: mkdtempSync(join(tmpdir(), "forecourt-footprint-")),
        },
      },
    );
    try {
      await expect
        .poll(() => /GraphQL:\s+(\S+)/.exec(output())?.[1], { timeout: 20_000 })
        .toBeDefined();
      child.kill("SIGUSR2");
      await expect.poll(() => /LOADED (.*)/.exec(output())?.[1], { timeout: 5_000 }).toBeDefined();
      const loaded: string[] = JSON.parse(/LOADED (.*)/.exec(output())?.[1] ?? "[]");
      // The method sees CommonJS packages that are loaded: these always are.
      expect(loaded).toEqual(
        expect.arrayContaining(["graphql-jit", "cockatiel", "undici (index)"]),
      );
      for (const unused of [
        "ioredis",
        "pg",
        "pg-pool",
        "pino-pretty",
        "rate-limiter-flexible (index)",
        "@opentelemetry/sdk-trace-node",
        "@opentelemetry/exporter-trace-otlp-http",
        "pngjs",
        "jpeg-js",
      ]) {
        expect(loaded, unused).not.toContain(unused);
      }
    } finally {
      child.kill("SIGINT");
      await once(child, "exit");
    }
  });
});
