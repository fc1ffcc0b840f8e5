import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Browser, chromium } from "playwright-core";

/**
 * Whether the browser tests run. Without Chromium at `executablePath` they are reported skipped,
 * unless a browser is required (CI=true, or FORECOURT_REQUIRE_BROWSER=true, which .ci/run sets):
 * then they run and fail at launch, so a green CI always means the browser tests ran.
 */
export function runBrowserTests(executablePath: string): boolean {
  return existsSync(executablePath) || browserRequired(process.env);
}

export function browserRequired(env: Record<string, string | undefined>): boolean {
  return env.CI === "true" || env.FORECOURT_REQUIRE_BROWSER === "true";
}

/**
 * The showroom built with Vite into a fresh folder (as `npm run build` does for `npm start`), for a
 * browser test's gateway to serve with SHOWROOM_DIR.
 */
export async function buildShowroom(prefix: string): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  await promisify(execFile)(
    process.execPath,
    ["node_modules/vite/bin/vite.js", "build", "examples/showroom", "--outDir", outDir],
    { cwd: process.cwd() },
  );
  return outDir;
}

/** Debian's Chromium (CHROMIUM_PATH), headless, as every browser test launches it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
}
