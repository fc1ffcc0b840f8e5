import type { HttpBindings } from "@hono/node-server";
import type { Context, MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { MAX_EMULATOR_LATENCY_MS } from "../config.js";

/**
 * What both emulators share beyond their APIs: a request counter per operation, keyed
 * "METHOD /path", a latency per operation (how long the real API takes to answer it), and faults
 * scripted for the next N calls of an operation. Tests use them to prove batching, retries and
 * fault handling; they are served under /__emulator and usable in-process.
 */

export const faultSchema = z.discriminatedUnion("kind", [
  /** Holds the request for `ms` (after its operation's latency) before answering it normally. */
  z.object({
    kind: z.literal("latency"),
    ms: z.number().int().min(0).max(MAX_EMULATOR_LATENCY_MS),
  }),
  /** Does the work at once, then holds the answer for `ms`: a server that answered too late. */
  z.object({
    kind: z.literal("late-answer"),
    ms: z.number().int().min(0).max(MAX_EMULATOR_LATENCY_MS),
  }),
  /** Answers with this HTTP status and the API's own error envelope (429 may carry Retry-After). */
  z.object({
    kind: z.literal("status"),
    status: z.number().int().min(400).max(599),
    retryAfterSeconds: z.number().int().min(0).optional(),
  }),
  /** Destroys the connection without any response. */
  z.object({ kind: z.literal("reset") }),
  /** Answers 200 with a truncated JSON body. */
  z.object({ kind: z.literal("malformed") }),
  /** Answers normally, but with a value the client has never seen in an enum field. */
  z.object({ kind: z.literal("unknown-enum") }),
]);
export type Fault = z.infer<typeof faultSchema>;

export const scriptFaultSchema = z.object({
  /** "METHOD /path", as in the request counters. */
  operation: z.string().regex(/^(GET|POST|PUT|PATCH|DELETE) \/\S*$/, 'must look like "GET /path"'),
  fault: faultSchema,
  /** How many of the next calls of the operation get this fault. */
  times: z.number().int().min(1).max(10_000).default(1),
});
export type ScriptedFault = z.input<typeof scriptFaultSchema>;

/** How one API shapes what the shared fault machinery produces. */
export interface ApiDialect {
  /** The API's error envelope for a status, e.g. CarCutter's `{code, message}`. */
  errorBody(status: number, message: string): unknown;
  /** Rewrites a successful JSON body so that one enum field carries a value never documented. */
  injectUnknownEnum(body: unknown): unknown;
  /** The counter key of a request; lets an API fold many paths (signed links) into one operation. */
  operationOf?(method: string, path: string): string;
}

export const UNKNOWN_ENUM_VALUE = "emulator-unknown-value";

export interface EmulatorControlOptions {
  /**
   * Milliseconds every request of an operation is held before it is served (config's
   * EmulatorLatency); operations left out answer at once.
   */
  latencyMs?: Readonly<Record<string, number>>;
}

export class EmulatorControl {
  readonly #counts = new Map<string, number>();
  readonly #faults = new Map<string, Fault[]>();
  readonly #dialect: ApiDialect;
  /** `<status> <operation>` → answers, for requests served without a fault. */
  readonly #answers = new Map<string, number>();
  readonly #traceparents = new Map<string, string[]>();
  /** Operation → requests whose client closed the connection before the answer was written. */
  readonly #aborted = new Map<string, number>();
  #latency = new Map<string, number>();

  constructor(dialect: ApiDialect, options: EmulatorControlOptions = {}) {
    this.#dialect = dialect;
    this.setLatency(options.latencyMs ?? {});
  }

  /**
   * Replaces every operation's latency (operations left out answer at once). Configuration, not a
   * fault: reset() keeps it.
   */
  setLatency(latencyMs: Readonly<Record<string, number>>): void {
    for (const [operation, ms] of Object.entries(latencyMs)) {
      if (!Number.isInteger(ms) || ms < 0 || ms > MAX_EMULATOR_LATENCY_MS) {
        throw new RangeError(
          `latency of ${operation} must be a whole number of milliseconds 0..${MAX_EMULATOR_LATENCY_MS}, got ${ms}`,
        );
      }
    }
    this.#latency = new Map(Object.entries(latencyMs).filter(([, ms]) => ms > 0));
  }

  /** How long requests of the operation are held before they are served. */
  latencyOf(operation: string): number {
    return this.#latency.get(operation) ?? 0;
  }

  /** Requests received per operation since start or the last reset. */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.#counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  count(operation: string): number {
    return this.#counts.get(operation) ?? 0;
  }

  /** Requests of the operation answered with this HTTP status (what a provider bills by). */
  answered(operation: string, status: number): number {
    return this.#answers.get(`${status} ${operation}`) ?? 0;
  }

  /**
   * Requests of the operation that their client gave up on: the connection closed before the
   * answer was written. Proves a caller's cancellation reached the upstream, not only the caller.
   */
  aborted(operation: string): number {
    return this.#aborted.get(operation) ?? 0;
  }

  /** The W3C `traceparent` headers the operation's requests carried, oldest first (the last 100). */
  traceparents(operation: string): readonly string[] {
    return this.#traceparents.get(operation) ?? [];
  }

  /** Forgets counters and every fault not yet served. */
  reset(): void {
    this.#counts.clear();
    this.#answers.clear();
    this.#traceparents.clear();
    this.#aborted.clear();
    this.#faults.clear();
  }

  script(input: ScriptedFault): void {
    const { operation, fault, times } = scriptFaultSchema.parse(input);
    const queue = this.#faults.get(operation) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.#faults.set(operation, queue);
  }

  pendingFaults(): Record<string, number> {
    return Object.fromEntries([...this.#faults].map(([op, queue]) => [op, queue.length]));
  }

  #take(operation: string): Fault | undefined {
    const queue = this.#faults.get(operation);
    const fault = queue?.shift();
    if (queue && queue.length === 0) this.#faults.delete(operation);
    return fault;
  }

  operationOf(method: string, path: string): string {
    return this.#dialect.operationOf?.(method, path) ?? `${method} ${path}`;
  }

  /**
   * Counts every API request, holds it for its operation's latency, then serves the next scripted
   * fault of its operation, if any.
   */
  middleware(): MiddlewareHandler<{ Bindings: Partial<HttpBindings> }> {
    return async (c, next) => {
      const path = new URL(c.req.url).pathname;
      if (path.startsWith("/__emulator")) return next();
      const operation = this.operationOf(c.req.method, path);
      this.#counts.set(operation, (this.#counts.get(operation) ?? 0) + 1);
      const traceparent = c.req.header("traceparent");
      if (traceparent) {
        const seen = this.#traceparents.get(operation) ?? [];
        seen.push(traceparent);
        if (seen.length > 100) seen.shift();
        this.#traceparents.set(operation, seen);
      }
      // Served over a socket, the request's signal aborts when the client closes the connection
      // before the whole answer was written (in-process requests never abort).
      const { signal } = c.req.raw;
      const onAbort = () => this.#aborted.set(operation, this.aborted(operation) + 1);
      signal.addEventListener("abort", onAbort, { once: true });
      const latency = this.latencyOf(operation);
      // The work is still done when the client left meanwhile, as a server that received the
      // whole request would; only the wait ends early, so no timer outlives the connection.
      if (latency > 0) await sleep(latency, signal);
      const fault = this.#take(operation);
      if (!fault) {
        await next();
        const key = `${c.res.status} ${operation}`;
        this.#answers.set(key, (this.#answers.get(key) ?? 0) + 1);
        return;
      }
      switch (fault.kind) {
        case "latency":
          await sleep(fault.ms, c.req.raw.signal);
          return next();
        case "late-answer":
          await next();
          await sleep(fault.ms, c.req.raw.signal);
          return;
        case "status": {
          const headers: Record<string, string> = {};
          if (fault.retryAfterSeconds !== undefined) {
            headers["retry-after"] = String(fault.retryAfterSeconds);
          }
          return c.json(
            this.#dialect.errorBody(fault.status, `emulated fault: HTTP ${fault.status}`),
            fault.status as 500,
            headers,
          );
        }
        case "reset":
          // The emulator closes this connection itself: the client did not give up on it.
          signal.removeEventListener("abort", onAbort);
          return resetConnection(c);
        case "malformed":
          return c.body('{"data": {"images": [{"image": "trunc', 200, {
            "content-type": "application/json",
          });
        case "unknown-enum": {
          await next();
          if (!c.res.ok || !c.res.headers.get("content-type")?.includes("application/json")) return;
          const body: unknown = await c.res.json();
          c.res = new Response(JSON.stringify(this.#dialect.injectUnknownEnum(body)), {
            status: c.res.status,
            headers: c.res.headers,
          });
          return;
        }
      }
    };
  }

  /**
   * GET /__emulator/requests, GET /__emulator/aborted, POST /__emulator/reset,
   * POST /__emulator/faults (+ GET to inspect).
   */
  routes(): Hono {
    const app = new Hono();
    app.get("/requests", (c) => c.json(this.counts()));
    app.get("/aborted", (c) =>
      c.json(Object.fromEntries([...this.#aborted].sort(([a], [b]) => a.localeCompare(b)))),
    );
    app.post("/reset", (c) => {
      this.reset();
      return c.json({ reset: true });
    });
    app.get("/faults", (c) => c.json(this.pendingFaults()));
    app.post("/faults", async (c) => {
      const body: unknown = await c.req.json().catch(() => undefined);
      const parsed = z.union([scriptFaultSchema, z.array(scriptFaultSchema)]).safeParse(body);
      if (!parsed.success) {
        return c.json({ error: "invalid fault script", issues: z.treeifyError(parsed.error) }, 400);
      }
      for (const item of Array.isArray(parsed.data) ? parsed.data : [parsed.data])
        this.script(item);
      return c.json(this.pendingFaults());
    });
    return app;
  }
}

/**
 * Waits `ms`, or less if `signal` aborts (the client closed the connection): the timer is then
 * cleared. Unref'd as well, so that a request still held never keeps a finished process alive.
 */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener("abort", done, { once: true });
  });
}

function resetConnection(c: Context<{ Bindings: Partial<HttpBindings> }>): Response {
  const socket = c.env?.incoming?.socket;
  if (socket) {
    socket.destroy();
    // The socket is gone; whatever is returned here is never written.
    return new Response(null, { status: 500 });
  }
  // In-process calls (app.request) have no socket: fail the way fetch fails on a reset.
  throw new TypeError("emulated connection reset", { cause: { code: "ECONNRESET" } });
}
