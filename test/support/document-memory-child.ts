import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { startGateway } from "./gateway.js";

/**
 * Run in a child process with a small heap by test/gateway/document-memory.test.ts, so that what
 * it measures is one gateway's resident set and nothing else's: `count` distinct documents of
 * 1 MiB (one long string literal each) go to a gateway, and the child prints, as one JSON line,
 * its RSS before and after (each after a full GC), the statuses it was answered with, and
 * whether a normal query answered afterwards.
 *
 * argv: `refused` (the default limits: every document is over GRAPHQL_MAX_DOCUMENT_BYTES) or
 * `admitted` (the limit raised to 2 MiB: they are parsed, validated and run), then `count`.
 */

const [mode = "refused", countText = "1000"] = process.argv.slice(2);
const count = Number(countText);
const MIB = 1024 * 1024;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Document number `n`, 1 MiB: its one field skipped, so it makes no upstream call. */
function documentOf(n: number): string {
  const head = `query Q${n} { __typename vehicle(vehicleId: "${n}-`;
  const tail = `") @skip(if: true) { model } }`;
  return head + "x".repeat(MIB - head.length - tail.length) + tail;
}

const rss = () => {
  gc();
  gc();
  return process.memoryUsage().rss;
};

const h = await startGateway({
  gatewayEnv: mode === "admitted" ? { GRAPHQL_MAX_DOCUMENT_BYTES: String(2 * MIB) } : {},
});
const post = async (query: string) => {
  const response = await h.fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.text() };
};

const statuses: Record<string, number> = {};
const send = async (from: number, to: number) => {
  for (let n = from; n < to; n++) {
    const { status } = await post(documentOf(n));
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
};

// What the first requests build once (schema caches, code paths) belongs to the start.
await post("{ __typename }");
await send(0, 10);
const before = rss();
await send(10, count);
const after = rss();
const normal = await post('{ vehicle(vehicleId: "WAUZZZ8K9BA123456") { model } }');
await h.close();
process.stdout.write(
  `${JSON.stringify({ mode, count, before, after, statuses, normal: JSON.parse(normal.body) })}\n`,
);
