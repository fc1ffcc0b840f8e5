import { STOCK_VIN } from "./scenarios.js";

/**
 * Time to the first byte and to the last of the showroom's vehicle page, with and without
 * incremental delivery, against a gateway whose emulators answer at the demo's typical latencies
 * (src/upstreams/typical-latency.ts) and which reuses no OneAuto answer, so every view pays the
 * VIN search and its links as a first visit does. One request at a time: this is about how soon a
 * page paints, not throughput.
 */

const RECORD = `vehicleId manufacturer model modelExtension color status location lot
      features { id title icon }`;
const VIEWS = "[FRONT_LEFT, REAR_RIGHT, INSIDE_1]";

/** The page as one complete answer: its first byte waits for its slowest paid link. */
export const WHOLE_PAGE = `query BenchVehiclePageWhole($vehicleId: String!) {
  vehicle(vehicleId: $vehicleId) {
    ${RECORD}
    stockPhotos(views: ${VIEWS}) { imageId view url }
  }
}`;

/** The page as the showroom asks for it: the record first, each stock photo as its link arrives. */
export const DEFERRED_PAGE = `query BenchVehiclePageDeferred($vehicleId: String!) {
  vehicle(vehicleId: $vehicleId) {
    ${RECORD}
    ... @defer {
      stockPhotos(views: ${VIEWS}) @stream(initialCount: 0) { imageId view url }
    }
  }
}`;

export interface FirstByteRow {
  label: string;
  /** Medians over the rounds, in milliseconds. */
  firstByteMs: number;
  lastByteMs: number;
  rounds: number;
}

/** Milliseconds to the response's first body bytes and to its end, for one request. */
async function timeOne(url: string, query: string, accept: string): Promise<[number, number]> {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept },
    body: JSON.stringify({ query, variables: { vehicleId: STOCK_VIN } }),
  });
  if (response.status !== 200 || response.body === null) {
    throw new Error(`first-byte request: HTTP ${response.status}: ${await response.text()}`);
  }
  const reader = response.body.getReader();
  let first: number | undefined;
  let text = "";
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    first ??= performance.now() - started;
    text += decoder.decode(value, { stream: true });
  }
  const last = performance.now() - started;
  // A page that did not come whole is no measurement.
  if (!text.includes('"stockPhotos"') || text.includes('"errors"')) {
    throw new Error(`first-byte request: the page did not come whole: ${text.slice(0, 500)}`);
  }
  return [first ?? last, last];
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export async function measureFirstByte(
  gatewayUrl: string,
  rounds: number,
): Promise<FirstByteRow[]> {
  const url = `${gatewayUrl}/graphql`;
  const variants: [string, string, string][] = [
    ["one complete answer (no @defer)", WHOLE_PAGE, "application/json"],
    ["@defer + @stream, multipart/mixed", DEFERRED_PAGE, "multipart/mixed"],
    ["@defer + @stream, text/event-stream", DEFERRED_PAGE, "text/event-stream"],
  ];
  // Warm: the first request pays for connections and the first parse.
  for (const [, query, accept] of variants) await timeOne(url, query, accept);
  const rows: FirstByteRow[] = [];
  for (const [label, query, accept] of variants) {
    const first: number[] = [];
    const last: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const [f, l] = await timeOne(url, query, accept);
      first.push(f);
      last.push(l);
    }
    rows.push({ label, firstByteMs: median(first), lastByteMs: median(last), rounds });
  }
  return rows;
}

export function firstByteLines(rows: readonly FirstByteRow[]): string[] {
  return [
    "",
    "### Vehicle page: time to first and last byte, with and without @defer",
    "",
    `The showroom's vehicle page (${STOCK_VIN}: record, features, 3 stock photos), one request at a time, emulators at the demo's typical latencies (a OneAuto link 400 ms, its VIN search 300 ms, a CarCutter read 30 ms), no OneAuto answer reused; medians of ${rows[0]?.rounds ?? 0} requests.`,
    "",
    "| vehicle page | first byte ms | last byte ms |",
    "| --- | ---: | ---: |",
    ...rows.map((r) => `| ${r.label} | ${r.firstByteMs.toFixed(0)} | ${r.lastByteMs.toFixed(0)} |`),
  ];
}
