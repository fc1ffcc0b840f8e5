import { SpanKind } from "@opentelemetry/api";
import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleType,
  IsolatedCircuitError,
} from "cockatiel";
import { type Dispatcher, Pool } from "undici";
import type { z } from "zod";
import { neverSent, UpstreamError, type UpstreamErrorCode, type UpstreamName } from "../errors.js";
import { failed, traceHeaders, tracer } from "../observability/tracing.js";
import { Cancel, type CancelSignal } from "./cancel.js";
import {
  type CallContext,
  circuitOpenError,
  contractError,
  deadlineError,
  describeErrorBody,
  errorForNetwork,
  errorForStatus,
  notCompleteError,
  RETRYABLE_STATUSES,
  throttledError,
  type UpstreamDialect,
} from "./failures.js";
import { type InFlight, isSharedUpstreamRead } from "./in-flight.js";
import type { HttpMethod, UpstreamOperation } from "./operation.js";

/**
 * The one request path for every upstream call: a keep-alive undici Pool per upstream origin,
 * explicit connect/headers/body timeouts, an overall deadline per logical call combined with the
 * caller's abort signal, a response size cap, zod validation of every JSON body, retries with
 * full-jitter backoff for idempotent calls only, and a circuit breaker. Every failure becomes one
 * UpstreamError (see failures.ts); a cancelled call rejects with the caller's abort reason.
 *
 * Retries: only when `idempotent` is true, on network failures and timeouts and on
 * 429/502/503/504 (never 500, never other 4xx), at most `maxRetries` times. The wait before retry
 * n (1-based) is `random() × retryBaseDelayMs × 2^(n-1)`, or the upstream's Retry-After (on 429 and
 * 503) when it sent one. A wait that would not end inside the call's deadline is not started: the
 * call fails at once with the last error (for 429: UPSTREAM_RATE_LIMITED with retryAfterSeconds).
 *
 * Timeouts: the connect, headers (until the status line and headers arrive) and body (longest
 * silence while the body streams) timeouts are undici's: exact up to a second, checked on a
 * half-second clock beyond. The call's deadline is a timer of its own, exact.
 *
 * Events: `onCall` gets one event per HTTP attempt (a call refused by the open circuit makes
 * none, since nothing was sent). A call may also carry its own `observe`, which gets the same
 * events for that call only: this is how clients shared by the whole process report to the
 * request that made the call (cost accounting, see src/cost/cost-meter.ts). The clients bind a
 * request's signal and observer once, in `forRequest` (a CallScope), and add it to every call.
 *
 * Circuit breaker: attempts that end UPSTREAM_UNAVAILABLE or UPSTREAM_TIMEOUT count as failures
 * (an answer the upstream gave deliberately, 4xx or 429 or a contract problem, proves it is up and
 * resets the count); after `consecutiveFailures` the circuit opens and calls fail fast with
 * UPSTREAM_UNAVAILABLE (`extensions.circuit: "open"`) without reaching the upstream, until
 * `halfOpenAfterMs` has passed and one test call decides.
 */

export interface UpstreamCallEvent {
  upstream: UpstreamName;
  operation: string;
  /** 1 for a call's first attempt, 2 for its first retry, … */
  attempt: number;
  durationMs: number;
  /** The HTTP status, when an answer arrived. */
  status?: number;
  /** Set when the attempt failed. */
  errorCode?: UpstreamErrorCode;
  /** Set when the caller cancelled the attempt. */
  aborted?: true;
  /** Set when the attempt certainly never reached the upstream (see `neverSent`). */
  notSent?: true;
  /** Billable units the request carried (e.g. the images of a submission); see RequestSpec. */
  units?: number;
}

/** A call that failed for good: what the warn line in the log says. */
export interface UpstreamFailure {
  upstream: UpstreamName;
  operation: string;
  code: UpstreamErrorCode;
  /** The last HTTP status seen, when an answer came. */
  status: number | undefined;
  attempts: number;
}

/** Receives the events of calls; a listener that throws is ignored. */
export type UpstreamCallObserver = (event: UpstreamCallEvent) => void;

export interface UpstreamHttpOptions {
  upstream: UpstreamName;
  /** Origin, optionally with a base path: "https://api.car-cutter.com". */
  baseUrl: string;
  /** Sent on every request (auth); values are also redacted from logged details. */
  headers: Record<string, string>;
  /** How the upstream writes its errors, and what to check when it refuses the gateway. */
  dialect: UpstreamDialect;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxResponseBytes: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  /** Overall budget for one logical call including retries; Retry-After beyond it is not waited for. */
  deadlineMs: number;
  breaker: { consecutiveFailures: number; halfOpenAfterMs: number };
  /** Connections kept to the origin (default 32). */
  connections?: number;
  /** One event per HTTP attempt, for metrics and cost accounting. A listener that throws is ignored. */
  onCall?: UpstreamCallObserver;
  /** Once per logical call that failed (after its retries), for the log. */
  onFailure?: (failure: UpstreamFailure) => void;
  /** Jitter source in [0, 1); injectable for tests. */
  random?: () => number;
  /**
   * The process's work in flight (in-flight.ts, whose rule says what is shared): identical reads
   * in flight at once share one call across requests, and every write that returns counts in its
   * read-your-writes counter. Left out, nothing is shared.
   */
  inFlight?: InFlight;
  /** A cap on calls per second to this upstream, shared by every instance; none when absent. */
  throttle?: UpstreamThrottle;
}

/** Turns at the upstream: at most `perSecond` attempts a second (src/clients/rate-limits.ts). */
export interface UpstreamThrottle {
  perSecond: number;
  take(): Promise<{ ok: true } | { ok: false; retryAfterMs: number }>;
}

/** Longest a call waits for its turn under the throttle, within its deadline. */
const MAX_THROTTLE_WAIT_MS = 1000;

export type QueryParams = ReadonlyArray<readonly [string, string]>;
export type CircuitStateName = "closed" | "open" | "half-open";

/** What a request binds to every call it makes: `forRequest` on each client. */
export interface CallScope {
  /** Aborts the call: the request's deadline (src/context.ts), or a shared read's. */
  signal?: CancelSignal;
  /** Gets the call's events (one per attempt), after the process-wide `onCall`. */
  observe?: UpstreamCallObserver;
  /**
   * Asked before each attempt is sent; throws to refuse it (the request's cap on upstream calls).
   * A refused attempt sends nothing and makes no event.
   */
  admit?: (operation: UpstreamOperation) => void;
  /**
   * Told when an admitted attempt was not sent after all and makes no event (the open circuit,
   * the throttle, the caller leaving while it waited its turn).
   */
  notSent?: (operation: UpstreamOperation) => void;
  /**
   * Told when a read joined an identical one already in flight (`inFlight`): no call was made
   * for this request, and nothing billed to it.
   */
  onShared?: (operation: UpstreamOperation) => void;
  /**
   * The caller shares this read across requests already (CachedOneAuto's flight covers its cache
   * lookup and this call): it is made as it is, not shared a second time (in-flight.ts).
   */
  sharedByCaller?: boolean;
}

export interface RequestSpec extends CallScope {
  operation: UpstreamOperation;
  /** In order; a name may repeat (`image_url` many times). */
  query?: QueryParams;
  /** Multipart body. */
  form?: FormData;
  /** JSON body (`application/json`). */
  jsonBody?: unknown;
  /** Billable units this request carries, copied into its events (e.g. images submitted). */
  units?: number;
}

export interface JsonCall<T> extends RequestSpec {
  schema: z.ZodType<T>;
}

/**
 * A JSON call of a request's scope, built with every field present in one order. The clients
 * spread their request and scope into calls of many shapes, which left every read of a call's
 * fields on the way (operation, form, signal…) megamorphic: the spread and those reads were some
 * 8 µs of each call's CPU.
 */
export function scopedJsonCall<T>(
  scope: CallScope,
  operation: UpstreamOperation,
  schema: z.ZodType<T>,
  request: Omit<RequestSpec, keyof CallScope | "operation">,
): JsonCall<T> {
  return {
    operation,
    schema,
    query: request.query,
    form: request.form,
    jsonBody: request.jsonBody,
    units: request.units,
    signal: scope.signal,
    observe: scope.observe,
    admit: scope.admit,
    notSent: scope.notSent,
    onShared: scope.onShared,
    sharedByCaller: scope.sharedByCaller,
  };
}

export interface BytesResult {
  bytes: Uint8Array;
  /** The response's content type; "application/octet-stream" when it sent none. */
  contentType: string;
}

type Outcome<R> =
  | { ok: true; value: R; status: number }
  | {
      ok: false;
      error: UpstreamError;
      status?: number;
      /** Another attempt of an idempotent call may succeed. */
      retryable: boolean;
      /** The upstream's Retry-After, in ms. */
      retryAfterMs?: number;
      /** Counts against the circuit (UNAVAILABLE/TIMEOUT seen by an attempt). */
      trips: boolean;
    };
type Failure = Extract<Outcome<unknown>, { ok: false }>;

type ResponseBody = Dispatcher.ResponseData["body"];
type Handler<R> = (response: Dispatcher.ResponseData, ctx: CallContext) => Promise<Outcome<R>>;

/** Carries a failure that counts against the circuit through cockatiel's `execute`. */
class CircuitFailure extends Error {
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(failure.error.message);
    this.failure = failure;
  }
}

/** Waits `ms`, or rejects with the cancellation's reason when it comes first. */
function pause(ms: number, cancel: Cancel): Promise<void> {
  return new Promise((resolve, reject) => {
    if (cancel.aborted) return reject(cancel.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancel.reason);
    };
    const timer = setTimeout(() => {
      cancel.off("abort", onAbort);
      resolve();
    }, ms);
    cancel.once("abort", onAbort);
  });
}

/** Stateless (never streaming), so one serves every call; it drops a BOM as fetch's text() does. */
const UTF8 = new TextDecoder();

/** Largest error body read for the log detail; the rest is discarded. */
const MAX_ERROR_BODY_BYTES = 16 * 1024;
const DEFAULT_CONNECTIONS = 32;

export class UpstreamHttp {
  readonly upstream: UpstreamName;
  /** The longest one logical call (retries included) may take. */
  readonly deadlineMs: number;
  readonly #options: UpstreamHttpOptions;
  readonly #pool: Pool;
  readonly #basePath: string;
  readonly #breaker: CircuitBreakerPolicy;
  readonly #random: () => number;
  readonly #secrets: readonly string[];
  readonly #headersByAccept = new Map<string, Readonly<Record<string, string>>>();
  /** When the circuit last opened (Date.now(), the clock cockatiel uses); see circuitState(). */
  #openedAt = 0;
  #closing: Promise<void> | undefined;

  constructor(options: UpstreamHttpOptions) {
    checkOptions(options);
    this.upstream = options.upstream;
    this.deadlineMs = options.deadlineMs;
    this.#options = options;
    const base = new URL(options.baseUrl);
    this.#basePath = base.pathname.replace(/\/+$/, "");
    this.#pool = new Pool(base.origin, {
      connections: options.connections ?? DEFAULT_CONNECTIONS,
      connect: { timeout: options.connectTimeoutMs },
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
    });
    this.#breaker = circuitBreaker(handleType(CircuitFailure), {
      halfOpenAfter: options.breaker.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(options.breaker.consecutiveFailures),
    });
    this.#breaker.onBreak(() => {
      this.#openedAt = Date.now();
    });
    this.#random = options.random ?? Math.random;
    this.#secrets = secretsOf(options.headers);
  }

  /** A JSON call parsed with `schema`; null only for the operation's `absentOn` status. */
  json<T>(call: JsonCall<T> & { operation: { absentOn: number } }): Promise<T | null>;
  json<T>(call: JsonCall<T> & { operation: { absentOn?: undefined } }): Promise<T>;
  json<T>(call: JsonCall<T>): Promise<T | null>;
  json<T>(call: JsonCall<T>): Promise<T | null> {
    const inFlight = this.#options.inFlight;
    if (!isRead(call)) return this.#written(this.#jsonCall(call));
    if (inFlight === undefined || !inFlight.enabled || call.sharedByCaller)
      return this.#jsonCall(call);
    const { operation } = call;
    const what = `${this.upstream} ${operation.method} ${operation.path} ${JSON.stringify(call.query ?? [])} ${JSON.stringify(call.jsonBody ?? null)}`;
    // The shared call outlives the request that started it while others wait on it: it runs on
    // the flight's own signal (the caller's, when nothing is shared).
    return inFlight
      .read(what, (signal) => this.#jsonCall(withSignal(call, signal)), call.signal)
      .then(({ value, joined }) => {
        if (joined) {
          try {
            call.onShared?.(operation);
          } catch {
            // Accounting must never fail the read.
          }
        }
        return value;
      });
  }

  #jsonCall<T>(call: JsonCall<T>): Promise<T | null> {
    return this.#execute<T | null>(call, "application/json", async (response, ctx) => {
      const { statusCode: status, headers, body } = response;
      if (status === call.operation.absentOn) {
        await discard(body);
        return { ok: true, value: null, status };
      }
      const early = await this.#unsuccessful(response, ctx);
      if (early) return early;
      const { bytes, overflow } = await this.#read(body, this.#options.maxResponseBytes, headers);
      if (overflow) return this.#tooLarge(ctx, status);
      const contentType = headerOf(headers, "content-type");
      const text = UTF8.decode(bytes);
      if (contentType !== undefined && !isJsonType(contentType)) {
        return contract(
          contractError(
            ctx,
            `unexpected content type ${mediaTypeOf(contentType)}`,
            this.#redact(text),
            status,
          ),
          status,
        );
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        return contract(contractError(ctx, "body is not JSON", this.#redact(text), status), status);
      }
      const parsed = call.schema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue ? issue.path.map(String).join(".") || "(root)" : "(root)";
        const said = describeErrorBody(text, contentType, this.#options.dialect);
        return contract(
          contractError(
            ctx,
            "body does not match the expected shape",
            this.#redact(`${where}: ${issue?.message ?? "invalid"}; body: ${said}`),
            status,
          ),
          status,
        );
      }
      return { ok: true, value: parsed.data, status };
    });
  }

  /** Raw bytes (image results), with the same timeouts, retries, cap and error mapping. */
  bytes(call: RequestSpec): Promise<BytesResult> {
    const answer = this.#bytesCall(call);
    return isRead(call) ? answer : this.#written(answer);
  }

  /** A write: no read that starts after it returns may join one that started before it. */
  #written<R>(call: Promise<R>): Promise<R> {
    return this.#options.inFlight?.write(call) ?? call;
  }

  #bytesCall(call: RequestSpec): Promise<BytesResult> {
    return this.#execute<BytesResult>(call, "*/*", async (response, ctx) => {
      const { statusCode: status, headers, body } = response;
      const early = await this.#unsuccessful(response, ctx);
      if (early) return early;
      const { bytes, overflow } = await this.#read(body, this.#options.maxResponseBytes, headers);
      if (overflow) return this.#tooLarge(ctx, status);
      const contentType = headerOf(headers, "content-type") ?? "application/octet-stream";
      return { ok: true, value: { bytes, contentType }, status };
    });
  }

  /**
   * Circuit state for readiness checks. Once `halfOpenAfterMs` has passed, an open circuit counts
   * as half-open: cockatiel moves it there only when the next call arrives, and an instance that
   * reports not ready gets no calls, so it would never become ready again.
   */
  circuitState(): CircuitStateName {
    switch (this.#breaker.state) {
      case CircuitState.Closed:
        return "closed";
      case CircuitState.HalfOpen:
        return "half-open";
      case CircuitState.Open:
        return Date.now() - this.#openedAt >= this.#options.breaker.halfOpenAfterMs
          ? "half-open"
          : "open";
      default:
        return "open";
    }
  }

  /** Closes the pool once requests under way have finished. */
  close(): Promise<void> {
    this.#closing ??= this.#pool.close();
    return this.#closing;
  }

  async #execute<R>(spec: RequestSpec, accept: string, handle: Handler<R>): Promise<R> {
    const { operation } = spec;
    const ctx: CallContext = {
      upstream: this.upstream,
      operation: operation.name,
      dialect: this.#options.dialect,
    };
    const caller = spec.signal;
    caller?.throwIfAborted();
    const { deadlineMs, maxRetries, retryBaseDelayMs } = this.#options;
    const started = performance.now();
    // Aborted by the caller, or by a timer of our own cleared as soon as the call ends (a listener
    // rather than AbortSignal.any/timeout, which Node 20 builds on weak references and a registry).
    const signal = new Cancel();
    let expired = false;
    const deadlineTimer = setTimeout(() => {
      expired = true;
      signal.abort(new Error(`deadline of ${deadlineMs} ms reached`));
    }, deadlineMs);
    const onCallerAbort = () => signal.abort(caller?.reason);
    caller?.addEventListener("abort", onCallerAbort, { once: true });
    const timedOut = () => expired;
    let made = 0;
    let lastStatus: number | undefined;
    try {
      const request = await this.#prepare(spec, accept);
      const attempts = operation.idempotent ? 1 + maxRetries : 1;
      for (let attempt = 1; ; attempt++) {
        made = attempt;
        spec.admit?.(operation);
        if (this.#options.throttle) {
          try {
            await this.#turn(ctx, signal, caller, started);
          } catch (error) {
            spec.notSent?.(operation);
            throw error;
          }
        }
        const attemptStarted = performance.now();
        const span = tracer.startSpan(`${ctx.upstream} ${ctx.operation}`, {
          kind: SpanKind.CLIENT,
          attributes: {
            "forecourt.upstream": ctx.upstream,
            "forecourt.operation": ctx.operation,
            "forecourt.attempt": attempt,
            "forecourt.paid": operation.billed !== undefined,
          },
        });
        // The trace goes on to the upstream (only when it is recorded: nothing to send otherwise).
        const trace = traceHeaders(span);
        const sent =
          "traceparent" in trace
            ? { ...request, headers: { ...request.headers, ...trace } }
            : request;
        let outcome: Outcome<R>;
        try {
          outcome = await this.#breaker.execute(async () => {
            const result = await this.#attempt(sent, signal, caller, timedOut, ctx, handle);
            if (!result.ok && result.trips) throw new CircuitFailure(result);
            return result;
          });
        } catch (error) {
          if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
            span.setAttribute("forecourt.circuit", "open");
            failed(span, error);
            span.end();
            spec.notSent?.(operation);
            throw circuitOpenError(ctx);
          }
          if (!(error instanceof CircuitFailure)) {
            if (caller?.aborted && error === caller.reason) {
              this.#emit(spec, { ctx, attempt, started: attemptStarted, aborted: true });
            }
            failed(span, error);
            span.end();
            throw error;
          }
          outcome = error.failure;
        }
        if (outcome.status !== undefined)
          span.setAttribute("http.response.status_code", outcome.status);
        if (!outcome.ok) failed(span, outcome.error);
        span.end();
        lastStatus = outcome.status;
        this.#emit(spec, {
          ctx,
          attempt,
          started: attemptStarted,
          status: outcome.status,
          errorCode: outcome.ok ? undefined : outcome.error.code,
          ...(!outcome.ok && neverSent(outcome.error) ? { notSent: true as const } : {}),
        });
        if (outcome.ok) return outcome.value;
        if (attempt >= attempts || !outcome.retryable) throw outcome.error;

        const remaining = deadlineMs - (performance.now() - started);
        const wait = outcome.retryAfterMs ?? this.#random() * retryBaseDelayMs * 2 ** (attempt - 1);
        if (wait >= remaining) throw outcome.error;
        try {
          await pause(wait, signal);
        } catch {
          if (caller?.aborted) throw caller.reason;
          throw deadlineError(ctx, deadlineMs);
        }
      }
    } catch (error) {
      // The caller leaving is not the upstream failing.
      if (!(caller?.aborted && error === caller.reason) && error instanceof UpstreamError) {
        this.#failed({
          upstream: ctx.upstream,
          operation: ctx.operation,
          code: error.extensions.code,
          status: lastStatus,
          attempts: made,
        });
      }
      throw error;
    } finally {
      clearTimeout(deadlineTimer);
      caller?.removeEventListener("abort", onCallerAbort);
    }
  }

  #failed(failure: UpstreamFailure): void {
    try {
      this.#options.onFailure?.(failure);
    } catch {
      // Reporting must never change the error a caller gets.
    }
  }

  /** Waits for a turn under the throttle, briefly and within the deadline, or refuses the attempt. */
  async #turn(
    ctx: CallContext,
    signal: Cancel,
    caller: CancelSignal | undefined,
    started: number,
  ): Promise<void> {
    const throttle = this.#options.throttle;
    if (!throttle) return;
    let waited = 0;
    for (;;) {
      const taken = await throttle.take();
      if (taken.ok) return;
      const remaining = this.#options.deadlineMs - (performance.now() - started);
      if (waited + taken.retryAfterMs > Math.min(MAX_THROTTLE_WAIT_MS, remaining)) {
        throw throttledError(ctx, throttle.perSecond, taken.retryAfterMs);
      }
      try {
        await pause(taken.retryAfterMs, signal);
      } catch {
        if (caller?.aborted) throw caller.reason;
        throw deadlineError(ctx, this.#options.deadlineMs);
      }
      waited += taken.retryAfterMs;
    }
  }

  async #attempt<R>(
    request: PreparedRequest,
    signal: Cancel,
    caller: CancelSignal | undefined,
    timedOut: () => boolean,
    ctx: CallContext,
    handle: Handler<R>,
  ): Promise<Outcome<R>> {
    let response: Dispatcher.ResponseData | undefined;
    // A pool already shut refuses the request without sending it; one shut later may cut it off
    // after it was written.
    const shut = this.#pool.closed || this.#pool.destroyed;
    try {
      if (signal.aborted) throw signal.reason;
      response = await this.#pool.request({
        path: request.path,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal,
        headersTimeout: this.#options.headersTimeoutMs,
        bodyTimeout: this.#options.bodyTimeoutMs,
      });
      return await handle(response, ctx);
    } catch (error) {
      if (caller?.aborted) throw caller.reason;
      const status = response?.statusCode;
      if (timedOut()) {
        return {
          ok: false,
          error: deadlineError(ctx, this.#options.deadlineMs),
          status,
          retryable: false,
          trips: true,
        };
      }
      const failure = errorForNetwork(ctx, error, this.#options, !shut);
      if (!failure) throw error;
      return {
        ok: false,
        error: failure,
        status,
        retryable: true,
        trips: true,
      };
    } finally {
      // Whatever path was taken, never leave a body half read on a pooled connection.
      if (response && !response.body.readableEnded) destroyQuietly(response.body);
    }
  }

  /**
   * The outcome of any answer that is not a 2xx with a body to read: errors with their status
   * codes, 202 "not complete", unexpected 204 and 1xx/3xx. Undefined for a readable success.
   */
  async #unsuccessful(
    response: Dispatcher.ResponseData,
    ctx: CallContext,
  ): Promise<Failure | undefined> {
    const { statusCode: status, headers, body } = response;
    if (status >= 200 && status < 300 && status !== 202 && status !== 204) return undefined;
    if (status === 204) {
      await discard(body);
      return contract(contractError(ctx, "unexpected HTTP 204 (no content)", undefined, 204), 204);
    }
    const detail = await this.#errorDetail(body, headers);
    if (status === 202) {
      return {
        ok: false,
        error: notCompleteError(ctx, detail),
        status,
        retryable: false,
        trips: false,
      };
    }
    if (status < 400) {
      return contract(contractError(ctx, `unexpected HTTP ${status}`, detail, status), status);
    }
    const retryAfterMs =
      status === 429 || status === 503
        ? parseRetryAfter(headerOf(headers, "retry-after"), Date.now())
        : undefined;
    const retryAfterSeconds =
      retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000);
    return {
      ok: false,
      error: errorForStatus(ctx, status, detail, retryAfterSeconds),
      status,
      retryable: RETRYABLE_STATUSES.has(status),
      retryAfterMs,
      trips: status >= 500,
    };
  }

  async #errorDetail(body: ResponseBody, headers: Dispatcher.ResponseData["headers"]) {
    const cap = Math.min(MAX_ERROR_BODY_BYTES, this.#options.maxResponseBytes);
    const { bytes } = await this.#read(body, cap, undefined);
    const text = UTF8.decode(bytes);
    const said = describeErrorBody(text, headerOf(headers, "content-type"), this.#options.dialect);
    return this.#redact(said);
  }

  #read(body: ResponseBody, cap: number, headers: Dispatcher.ResponseData["headers"] | undefined) {
    return readCapped(body, cap, headers);
  }

  #tooLarge(ctx: CallContext, status: number): Failure {
    const cap = this.#options.maxResponseBytes;
    return contract(
      contractError(ctx, `body larger than ${cap} bytes`, `response exceeded ${cap} bytes`, status),
      status,
    );
  }

  async #prepare(spec: RequestSpec, accept: string): Promise<PreparedRequest> {
    const qs = spec.query === undefined ? "" : formUrlEncoded(spec.query);
    let headers = this.#headersFor(accept);
    let body: Uint8Array | undefined;
    if (spec.form !== undefined && spec.jsonBody !== undefined) {
      throw new TypeError("UpstreamHttp: send either form or jsonBody, not both");
    }
    if (spec.form !== undefined) {
      // Serialised once through fetch's own encoder: the bytes and boundary are then the same on
      // every attempt, whichever FormData implementation built the form.
      const encoded = new Response(spec.form);
      body = new Uint8Array(await encoded.arrayBuffer());
      headers = {
        ...headers,
        "content-type": encoded.headers.get("content-type") ?? "multipart/form-data",
      };
    } else if (spec.jsonBody !== undefined) {
      body = new TextEncoder().encode(JSON.stringify(spec.jsonBody));
      headers = { ...headers, "content-type": "application/json" };
    }
    return {
      method: spec.operation.method,
      path: `${this.#basePath}${spec.operation.path}${qs === "" ? "" : `?${qs}`}`,
      headers,
      body,
    };
  }

  /** The headers of every call accepting `accept`, made once: spreading them per call showed. */
  #headersFor(accept: string): Readonly<Record<string, string>> {
    let headers = this.#headersByAccept.get(accept);
    if (headers === undefined) {
      headers = Object.freeze({ ...this.#options.headers, accept, "user-agent": "forecourt" });
      this.#headersByAccept.set(accept, headers);
    }
    return headers;
  }

  #redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join("[redacted]");
    return out;
  }

  #emit(
    spec: RequestSpec,
    e: {
      ctx: CallContext;
      attempt: number;
      started: number;
      status?: number;
      errorCode?: UpstreamErrorCode;
      aborted?: true;
      notSent?: true;
    },
  ): void {
    const listeners = [this.#options.onCall, spec.observe];
    if (listeners[0] === undefined && listeners[1] === undefined) return;
    const event: UpstreamCallEvent = {
      upstream: e.ctx.upstream,
      operation: e.ctx.operation,
      attempt: e.attempt,
      durationMs: performance.now() - e.started,
      status: e.status,
      errorCode: e.errorCode,
      aborted: e.aborted,
      ...(e.notSent ? { notSent: e.notSent } : {}),
      units: spec.units,
    };
    for (const listener of listeners) {
      try {
        listener?.(event);
      } catch {
        // Metrics and accounting must never break a call.
      }
    }
  }
}

interface PreparedRequest {
  method: HttpMethod;
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
}

function contract(error: UpstreamError, status: number): Failure {
  return { ok: false, error, status, retryable: false, trips: false };
}

/**
 * Reads at most `cap` bytes; past it, stops and destroys the body (overflow). A declared
 * Content-Length over the cap is refused before reading. A silent body fails with undici's body
 * timeout.
 */
function readCapped(
  body: ResponseBody,
  cap: number,
  headers: Dispatcher.ResponseData["headers"] | undefined,
): Promise<{ bytes: Uint8Array; overflow: boolean }> {
  const declared = Number(headers ? headerOf(headers, "content-length") : undefined);
  if (Number.isFinite(declared) && declared > cap) {
    destroyQuietly(body);
    return Promise.resolve({ bytes: new Uint8Array(0), overflow: true });
  }
  // Listeners rather than an async iterator: a call's body is one or two chunks, and the
  // iterator's machinery cost more than reading them.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      body.off("data", onData);
      body.off("end", onEnd);
      body.off("error", onError);
    };
    const onData = (chunk: Buffer | Uint8Array) => {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      if (size + buffer.length > cap) {
        chunks.push(buffer.subarray(0, cap - size));
        done();
        destroyQuietly(body);
        resolve({ bytes: Buffer.concat(chunks), overflow: true });
        return;
      }
      size += buffer.length;
      chunks.push(buffer);
    };
    const onEnd = () => {
      done();
      const joined = chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
      resolve({
        bytes: new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength),
        overflow: false,
      });
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    body.on("data", onData);
    body.once("end", onEnd);
    body.once("error", onError);
  });
}

/**
 * Drops a body not read to its end; this closes its connection. undici reports a destroyed body
 * as an "error" event, which nobody awaits any more: it is swallowed here.
 */
function destroyQuietly(body: ResponseBody): void {
  if (body.destroyed) return;
  body.on("error", () => {});
  body.destroy();
}

async function discard(body: ResponseBody): Promise<void> {
  try {
    await body.dump();
  } catch {
    // A body that fails while being thrown away changes nothing.
  }
}

function headerOf(headers: Dispatcher.ResponseData["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function mediaTypeOf(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase().slice(0, 80);
}

/** `call` on another signal, in the same shape (see scopedJsonCall). */
function withSignal<T>(call: JsonCall<T>, signal: CancelSignal | undefined): JsonCall<T> {
  return scopedJsonCall({ ...call, signal }, call.operation, call.schema, call);
}

/** What both upstreams send on every success: known without taking the header apart. */
const PLAIN_JSON: ReadonlySet<string> = new Set([
  "application/json",
  "application/json; charset=utf-8",
  "application/json;charset=utf-8",
]);

function isJsonType(contentType: string): boolean {
  if (PLAIN_JSON.has(contentType)) return true;
  const media = mediaTypeOf(contentType);
  return media === "application/json" || media === "text/json" || media.endsWith("+json");
}

/** Retry-After as delta-seconds or an HTTP date, in ms from `now`; undefined when unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month; anything without letters is not one.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Header values and their last word (the token of "Bearer <token>"). */
function secretsOf(headers: Record<string, string>): string[] {
  const secrets = new Set<string>();
  for (const value of Object.values(headers)) {
    const trimmed = value.trim();
    if (trimmed.length >= 4) secrets.add(trimmed);
    const last = trimmed.split(/\s+/).at(-1);
    if (last !== undefined && last.length >= 4) secrets.add(last);
  }
  // Longest first, so a whole header value is replaced before its token.
  return [...secrets].sort((a, b) => b.length - a.length);
}

function checkOptions(o: UpstreamHttpOptions): void {
  const problems: string[] = [];
  const positive = (name: string, value: number) => {
    if (!(Number.isFinite(value) && value > 0)) problems.push(`${name} must be > 0, got ${value}`);
  };
  const whole = (name: string, value: number) => {
    if (!(Number.isInteger(value) && value >= 0)) {
      problems.push(`${name} must be a whole number ≥ 0, got ${value}`);
    }
  };
  positive("connectTimeoutMs", o.connectTimeoutMs);
  positive("headersTimeoutMs", o.headersTimeoutMs);
  positive("bodyTimeoutMs", o.bodyTimeoutMs);
  positive("maxResponseBytes", o.maxResponseBytes);
  positive("deadlineMs", o.deadlineMs);
  positive("breaker.halfOpenAfterMs", o.breaker.halfOpenAfterMs);
  whole("maxRetries", o.maxRetries);
  whole("retryBaseDelayMs", o.retryBaseDelayMs);
  if (!(Number.isInteger(o.breaker.consecutiveFailures) && o.breaker.consecutiveFailures >= 1)) {
    problems.push(
      `breaker.consecutiveFailures must be a whole number ≥ 1, got ${o.breaker.consecutiveFailures}`,
    );
  }
  if (o.connections !== undefined) positive("connections", o.connections);
  try {
    const url = new URL(o.baseUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      problems.push(`baseUrl must be http(s), got ${url.protocol}`);
    }
    if (url.search !== "" || url.username !== "" || url.password !== "") {
      problems.push("baseUrl must carry no query string and no credentials");
    }
  } catch {
    problems.push("baseUrl must be an absolute URL");
  }
  if (problems.length > 0)
    throw new RangeError(`UpstreamHttp (${o.upstream}): ${problems.join("; ")}`);
}

/** Reads change nothing upstream; a form is always a write (in-flight.ts). */
function isRead(call: RequestSpec): boolean {
  return isSharedUpstreamRead(call.operation, call.form !== undefined);
}

/** The characters encodeURIComponent leaves that application/x-www-form-urlencoded does not. */
const FORM_EXTRA = /[!'()~]|%20/g;
const formExtra = (match: string) =>
  match === "%20" ? "+" : `%${match.charCodeAt(0).toString(16).toUpperCase()}`;

/**
 * The query string URLSearchParams would write, byte for byte, without it: its encoder builds
 * each value a character at a time, which on a 60-photo status call was a tenth of the
 * gateway's own allocation. encodeURIComponent is native; five characters differ.
 */
export function formUrlEncoded(pairs: Iterable<readonly [string, string]>): string {
  let out = "";
  for (const [name, value] of pairs) {
    if (out !== "") out += "&";
    out += `${formComponent(name)}=${formComponent(value)}`;
  }
  return out;
}

function formComponent(text: string): string {
  try {
    return encodeURIComponent(text).replace(FORM_EXTRA, formExtra);
  } catch {
    // A lone surrogate, which encodeURIComponent refuses: URLSearchParams writes U+FFFD for it.
    return new URLSearchParams([["", text]]).toString().slice(1);
  }
}
