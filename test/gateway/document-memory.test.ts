import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * Large distinct documents cannot exhaust the gateway's memory. Yoga's parse cache kept 1,024
 * documents whatever their size, refused ones included: 300 distinct documents of 1 MiB killed a
 * gateway with a 192 MB heap after 89 of them. Each case runs a gateway in a child process with a
 * 256 MB heap (test/support/document-memory-child.ts), so its resident set is its own.
 */

const MB = 1024 * 1024;

interface Outcome {
  before: number;
  after: number;
  statuses: Record<string, number>;
  normal: { data?: { vehicle?: { model?: string } } };
}

async function runChild(mode: "refused" | "admitted", count: number): Promise<Outcome> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--max-old-space-size=256",
      "--import",
      "tsx",
      "test/support/document-memory-child.ts",
      mode,
      String(count),
    ],
    { cwd: process.cwd(), timeout: 100_000, maxBuffer: 4 * MB },
  );
  const outcome = JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as Outcome;
  console.info(
    `${mode}: ${count} documents of 1 MiB; RSS ${(outcome.before / MB).toFixed(1)} MB before, ${(outcome.after / MB).toFixed(1)} MB after`,
  );
  return outcome;
}

describe("memory under large distinct documents", () => {
  it("1,000 distinct 1 MiB documents are refused, RSS stays within 50 MB of where it started, and a normal query answers afterwards", async () => {
    const outcome = await runChild("refused", 1000);
    expect(outcome.statuses).toEqual({ 413: 1000 });
    expect(outcome.after - outcome.before).toBeLessThan(50 * MB);
    expect(outcome.normal.data?.vehicle?.model).toBe("A4");
  }, 120_000);

  it("with GRAPHQL_MAX_DOCUMENT_BYTES raised past them, 300 such documents run and the document cache stays within its bytes", async () => {
    const outcome = await runChild("admitted", 300);
    expect(outcome.statuses).toEqual({ 200: 300 });
    // The cache holds 32 MiB of (estimated) documents: some 16 of these.
    expect(outcome.after - outcome.before).toBeLessThan(50 * MB);
    expect(outcome.normal.data?.vehicle?.model).toBe("A4");
  }, 120_000);
});
