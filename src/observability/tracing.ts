import {
  type Attributes,
  context,
  type Context as OtelContext,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import type { SubmissionLedger } from "../ledger/ledger.js";

/**
 * OpenTelemetry traces: a span per GraphQL operation (its parse, validate and execute under it),
 * per upstream HTTP attempt (src/upstreams/http.ts), per cache lookup and per ledger write. The
 * W3C `traceparent` of an incoming request is the operation's parent, and every upstream call
 * carries the trace on. Off unless an exporter is configured (the standard OTEL_* variables, read
 * by config.ts): then OTLP over HTTP to the collector, batched.
 *
 * Without a registered provider (tracing-sdk.ts registers one) every call here is OpenTelemetry's
 * no-op, so the code paths stay the same whether tracing is on or off; the yoga plugin
 * (src/gateway/tracing-plugin.ts) is only added when it is on.
 */

export const tracer = trace.getTracer("forecourt");

/** Runs `work` in a span of its own under the active one; the span ends when it settles. */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

export function failed(span: Span, error: unknown): void {
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}

/** The trace context to send on with an outgoing request, as headers (`traceparent`, …). */
export function traceHeaders(span: Span): Record<string, string> {
  const headers: Record<string, string> = {};
  if (span.isRecording()) propagation.inject(trace.setSpan(context.active(), span), headers);
  return headers;
}

const LEDGER_WRITES = [
  "claim",
  "settle",
  "noteStatus",
  "startIdempotent",
  "finishIdempotent",
  "reserveSpend",
  "chargeSpend",
] as const;

/** The ledger with a span around each write (`ledger.claim`, `ledger.settle`, …). */
export function tracedLedger(ledger: SubmissionLedger): SubmissionLedger {
  const writes = new Set<string>(LEDGER_WRITES);
  return new Proxy(ledger, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== "string" || !writes.has(property) || typeof value !== "function") {
        return typeof value === "function" ? value.bind(target) : value;
      }
      return (...args: unknown[]) =>
        inSpan(`ledger.${property}`, { "forecourt.ledger.operation": property }, () =>
          Promise.resolve(value.apply(target, args)),
        );
    },
  });
}

/** Runs `wrapped` with `span` active under `parent`; the span ends when it returns or settles. */
export function within<R>(span: Span, parent: OtelContext, wrapped: () => R): R {
  const fail = (error: unknown) => {
    failed(span, error);
    span.end();
    throw error;
  };
  try {
    const result = context.with(trace.setSpan(parent, span), wrapped);
    if (result instanceof Promise) {
      return result.then((value: unknown) => {
        span.end();
        return value;
      }, fail) as R;
    }
    span.end();
    return result;
  } catch (error) {
    return fail(error);
  }
}
