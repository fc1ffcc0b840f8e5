import { readFile } from "node:fs/promises";
import autocannon from "autocannon";

/**
 * The two load generators, measured the same way: every completed request's latency is kept
 * (milliseconds, sub-millisecond resolution) and percentiles are read from the sorted samples.
 * autocannon's own histogram rounds latencies to whole milliseconds, too coarse for a floor that
 * answers in well under one.
 */

export interface LoadSettings {
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  /** Completed requests (or floor rounds) per second over the measured duration. */
  rps: number;
  completed: number;
  p50: number;
  p99: number;
}

/** Nearest-rank percentile of ascending samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

function summarize(latencies: number[], rps: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    rps,
    completed: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/**
 * POSTs one GraphQL operation with autocannon for the duration. Fails if any request errored,
 * timed out, answered non-2xx, or carried GraphQL `errors` (a GraphQL error still answers 200).
 */
export async function cannon(url: string, body: string, load: LoadSettings): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body,
        connections: load.connections,
        duration: load.durationSeconds,
        verifyBody: (answer) => !String(answer ?? "").includes('"errors"'),
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) latencies.push(responseTime);
    });
  });
  const problems = [
    ["errors", result.errors],
    ["timeouts", result.timeouts],
    ["non-2xx answers", result.non2xx],
    ["answers with GraphQL errors", result.mismatches],
  ].filter(([, n]) => Number(n) > 0);
  if (problems.length > 0) {
    throw new Error(
      `autocannon against ${url}: ${problems.map(([what, n]) => `${n} ${what}`).join(", ")}`,
    );
  }
  return summarize(latencies, result.requests.mean);
}

/**
 * `connections` workers, each running `round` again and again until the duration is over: the
 * same concurrency as autocannon's connections, for a round made of several HTTP calls. The
 * first failure stops every worker and is thrown.
 */
export async function drive(
  round: () => Promise<unknown>,
  load: LoadSettings,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + load.durationSeconds * 1000;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && performance.now() < until) {
      const t0 = performance.now();
      try {
        await round();
      } catch (error) {
        failure ??= { error };
        return;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: load.connections }, worker));
  if (failure) throw failure.error;
  const elapsedSeconds = (performance.now() - started) / 1000;
  return summarize(latencies, latencies.length / elapsedSeconds);
}

export interface MemoryStatus {
  /** VmRSS: resident set now, in bytes. */
  rss: number;
  /** VmHWM: the kernel's high-water mark of the resident set since the process started. */
  peakRss: number;
}

/** From /proc/<pid>/status (Linux); undefined where there is no /proc. */
export async function memoryOf(pid: number): Promise<MemoryStatus | undefined> {
  let status: string;
  try {
    status = await readFile(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined;
  }
  const kib = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(status);
    return match?.[1] === undefined ? Number.NaN : Number(match[1]) * 1024;
  };
  return { rss: kib("VmRSS"), peakRss: kib("VmHWM") };
}
