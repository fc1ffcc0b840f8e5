import { existsSync } from "node:fs";

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
