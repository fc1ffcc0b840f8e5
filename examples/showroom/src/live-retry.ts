import { useEffect, useRef, useState } from "react";

/**
 * A live view (a subscription) that ends in an error is opened again by itself, after a delay
 * that doubles with each failure in a row (1 s, 2 s, 4 s … at most 30 s, with jitter, so that
 * many pages do not come back in step after an outage). graphql-ws already reconnects a dropped
 * socket; this covers a subscription the gateway ended with an error (an upstream down, a limit).
 * An event, or half a minute without a failure, makes the next failure start from 1 s again.
 */

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;
const HEALTHY_AFTER_MS = 30_000;

export type LiveState =
  | { kind: "live" }
  | { kind: "reconnecting"; attempt: number; inSeconds: number };

export function useLiveRetry(error: unknown, data: unknown, resubscribe: () => void): LiveState {
  const again = useRef(resubscribe);
  again.current = resubscribe;
  const handled = useRef<unknown>(undefined);
  const failures = useRef(0);
  const openedAt = useRef(Date.now());
  const [retry, setRetry] = useState<{ at: number; attempt: number } | undefined>(undefined);
  const [now, setNow] = useState(Date.now);

  useEffect(() => {
    if (data !== undefined) failures.current = 0;
  }, [data]);

  useEffect(() => {
    if (!error || error === handled.current) return;
    handled.current = error;
    if (Date.now() - openedAt.current > HEALTHY_AFTER_MS) failures.current = 0;
    const attempt = ++failures.current;
    const delay =
      Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
    setRetry({ at: Date.now() + delay, attempt });
    const timer = setTimeout(() => {
      setRetry(undefined);
      openedAt.current = Date.now();
      again.current();
    }, delay);
    return () => clearTimeout(timer);
  }, [error]);

  // The countdown the page shows.
  useEffect(() => {
    if (!retry) return;
    setNow(Date.now());
    const ticker = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(ticker);
  }, [retry]);

  if (!retry) return { kind: "live" };
  return {
    kind: "reconnecting",
    attempt: retry.attempt,
    inSeconds: Math.max(1, Math.ceil((retry.at - now) / 1000)),
  };
}
