import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type { Config } from "../config.js";

/**
 * The OpenTelemetry SDK, started once by main.ts when an exporter is configured: the process's
 * tracer provider, with the AsyncLocalStorage context manager and the W3C propagator, exporting
 * over OTLP/HTTP in batches. Tests start it with an in-memory exporter instead.
 */

export interface TracingHandle {
  shutdown(): Promise<void>;
}

/**
 * Registers the process's tracer provider (context manager, W3C propagator) with the given span
 * processors: OTLP from the configuration, or a test's in-memory exporter.
 */
export function startTracing(
  settings: Config["tracing"],
  processors?: readonly SpanProcessor[],
): TracingHandle | undefined {
  const spanProcessors = processors
    ? [...processors]
    : settings.exporter === "otlp" && settings.url
      ? [
          new BatchSpanProcessor(
            new OTLPTraceExporter({ url: settings.url, headers: settings.headers }),
          ),
        ]
      : [];
  if (spanProcessors.length === 0) return undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": settings.serviceName }),
    spanProcessors,
  });
  provider.register();
  return { shutdown: () => provider.shutdown() };
}
