import { Pool } from "undici";

/**
 * Memory under distinct query texts: a client that writes its values into the query text sends a
 * new document with every request, and what the gateway keeps per document (the document
 * cache, src/gateway/document-cache.ts, and the estimates by document) must stay bounded. `count` distinct texts the
 * size of a vehicle page go to the gateway, `concurrency` at a time; the resident set is read at
 * every tenth of the way. Each document's one field is skipped, so no upstream call is made.
 */

export interface DocumentsResult {
  count: number;
  /** VmRSS in bytes after each tenth of the documents. */
  rssAt: { sent: number; rss: number }[];
  seconds: number;
}

/** Text number `n`: a vehicle page's size, its one field skipped (also test/gateway/distinct-documents). */
export function documentNumber(n: number): string {
  return `query Page${n} { __typename v${n}: vehicle(vehicleId: "WAUZZZ8K9BA${String(n).padStart(6, "0")}") @skip(if: true) { vehicleId status statusUpdatedAt manufacturer model color features { featureId title icon type vehicle { vehicleId manufacturer } } images { url status phase quality resultUrl } } }`;
}

export async function sendDistinctDocuments(
  gatewayUrl: string,
  count: number,
  concurrency: number,
  rssOf: () => Promise<number>,
): Promise<DocumentsResult> {
  const pool = new Pool(gatewayUrl, { connections: concurrency });
  const rssAt: DocumentsResult["rssAt"] = [];
  const step = Math.max(1, Math.floor(count / 10));
  const started = performance.now();
  try {
    for (let from = 0; from < count; from += step) {
      const upTo = Math.min(count, from + step);
      let next = from;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < upTo) {
            const n = next++;
            const response = await pool.request({
              path: "/graphql",
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ query: documentNumber(n) }),
            });
            const text = await response.body.text();
            if (response.statusCode !== 200 || !text.includes('"__typename":"Query"')) {
              throw new Error(`document ${n}: HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
            }
          }
        }),
      );
      rssAt.push({ sent: upTo, rss: await rssOf() });
    }
  } finally {
    await pool.close();
  }
  return { count, rssAt, seconds: (performance.now() - started) / 1000 };
}
