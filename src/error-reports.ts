/** How the layers that survive failures (cache, events) report them: rate-limited, never thrown. */

export type ErrorReporter = (error: Error) => void;

/** Least time between two reports, so that an outage is one log line per interval, not a flood. */
export const ERROR_REPORT_INTERVAL_MS = 30_000;

/** At most one report per interval; a reporter that throws is ignored. */
export function rateLimitedReporter(
  onError: ErrorReporter | undefined,
  intervalMs = ERROR_REPORT_INTERVAL_MS,
  now: () => number = Date.now,
): ErrorReporter {
  let nextReportAt = Number.NEGATIVE_INFINITY;
  return (error) => {
    if (onError === undefined) return;
    const at = now();
    if (at < nextReportAt) return;
    nextReportAt = at + intervalMs;
    safely(onError)(error);
  };
}

/** The reporter, made harmless: what it throws is swallowed. */
export function safely(onError: ErrorReporter | undefined): ErrorReporter {
  return (error) => {
    try {
      onError?.(error);
    } catch {
      // Reporting must not turn a survivable failure into a crash.
    }
  };
}
