import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const TSX = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
/** src/main.ts, for a test that starts it its own way. */
export const MAIN = new URL("../../src/main.ts", import.meta.url).pathname;

/**
 * The real process entry (src/main.ts under tsx, as `npm start` runs it after building), with a
 * data folder of its own, silent logs and `env` on top; everything it prints is collected.
 */
export function startMain(env: Record<string, string>): Collected {
  return spawnCollecting(TSX, [MAIN], {
    env: {
      PATH: process.env.PATH ?? "",
      LOG_LEVEL: "silent",
      DRAIN_DELAY_MS: "200",
      FORECOURT_DATA_DIR: mkdtempSync(join(tmpdir(), "forecourt-e2e-")),
      ...env,
    },
  });
}

export interface Collected {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr together. */
  output: () => string;
}

/** A child process whose output is collected as it comes. */
export function spawnCollecting(
  command: string,
  args: readonly string[],
  options: { env: Record<string, string>; cwd?: string },
): Collected {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return { child, output: () => output };
}
