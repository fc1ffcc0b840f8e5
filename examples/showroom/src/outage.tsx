import type { CombinedError } from "@urql/core";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";
import { type Upstream, upstreamName, upstreamsDown } from "./errors.js";

/**
 * One banner for the page, fed by every view: a view whose answer says an upstream is down
 * reports it here, and the rest of the page (the other upstream's part) stays as it is.
 */

interface OutageState {
  report(source: string, upstreams: readonly Upstream[]): void;
}

const OutageContext = createContext<OutageState>({ report: () => {} });

export function OutageProvider(props: { children: ReactNode }) {
  const [bySource, setBySource] = useState<Record<string, readonly Upstream[]>>({});
  const report = useCallback((source: string, upstreams: readonly Upstream[]) => {
    setBySource((current) => {
      const before = current[source] ?? [];
      if (before.join() === upstreams.join()) return current;
      return { ...current, [source]: upstreams };
    });
  }, []);
  const down = [...new Set(Object.values(bySource).flat())];
  const value = useMemo(() => ({ report }), [report]);
  return (
    <OutageContext.Provider value={value}>
      {down.length > 0 ? (
        <div className="banner" role="alert" data-testid="outage-banner">
          {down.map((upstream) => (
            <p key={upstream}>
              <strong>{upstreamName(upstream)} is unavailable right now.</strong> What it provides
              is missing below; everything else still works. The page will catch up when it is back.
            </p>
          ))}
        </div>
      ) : null}
      {props.children}
    </OutageContext.Provider>
  );
}

/** Reports this view's outages while it is shown; returns the upstreams it found down. */
export function useOutageReport(source: string, error: CombinedError | undefined): Upstream[] {
  const { report } = useContext(OutageContext);
  const down = upstreamsDown(error);
  const key = down.join();
  useEffect(() => {
    report(source, key === "" ? [] : (key.split(",") as Upstream[]));
    return () => report(source, []);
  }, [report, source, key]);
  return down;
}
