import { Client, fetchExchange, type OperationResult } from "@urql/core";
import type { DocumentNode } from "graphql";

/**
 * Incremental answers (@defer, @stream) read as a frontend reads them: urql's fetch exchange,
 * which parses `multipart/mixed` and `text/event-stream` and merges each increment into the
 * result it hands on. Each result is timed from the request's start.
 */

export type Transport = "multipart/mixed" | "text/event-stream";

export interface TimedResult {
  ms: number;
  result: OperationResult;
  /** Whether more was to come (urql's `hasNext`). */
  hasNext: boolean;
}

export interface Exchange {
  results: TimedResult[];
  /** Content types of the responses the client got. */
  contentTypes: string[];
}

/** Runs `document` to its last payload through urql, accepting only `transport`. */
export async function readIncrementally(
  url: string,
  document: DocumentNode,
  variables: Record<string, unknown>,
  options: {
    transport: Transport;
    fetch?: typeof fetch;
    /** Stops reading (unsubscribes, so the connection closes) after this many results. */
    leaveAfter?: number;
  },
): Promise<Exchange> {
  const contentTypes: string[] = [];
  const base = options.fetch ?? fetch;
  const client = new Client({
    url,
    exchanges: [fetchExchange],
    requestPolicy: "network-only",
    preferGetMethod: false,
    fetchOptions: { headers: { accept: options.transport } },
    fetch: async (input, init) => {
      const res = await base(input, init);
      contentTypes.push(res.headers.get("content-type") ?? "");
      return res;
    },
  });
  const results: TimedResult[] = [];
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const { unsubscribe } = client.query(document, variables).subscribe((result) => {
      results.push({ ms: performance.now() - started, result, hasNext: result.hasNext });
      const leave = options.leaveAfter !== undefined && results.length >= options.leaveAfter;
      if (!result.hasNext || leave) {
        queueMicrotask(() => unsubscribe());
        resolve();
      }
    });
  });
  return { results, contentTypes };
}
