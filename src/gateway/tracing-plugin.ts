import {
  context,
  type Context as OtelContext,
  propagation,
  type Span,
  SpanKind,
} from "@opentelemetry/api";
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import { tracer, within } from "../observability/tracing.js";

/** Spans of the GraphQL operation and its phases, continuing the request's `traceparent`. */
export function useTracing(): Plugin {
  const operations = new WeakMap<object, Span>();
  const phase = <R>(name: string, wrapped: () => R): R =>
    within(tracer.startSpan(name, {}, context.active()), context.active(), wrapped);
  return {
    instrumentation: {
      operation({ context: graphqlContext, request }, wrapped) {
        const parent: OtelContext = propagation.extract(
          context.active(),
          Object.fromEntries(request.headers),
        );
        const span = tracer.startSpan(
          "graphql.operation",
          { kind: SpanKind.SERVER, attributes: { "http.request.method": request.method } },
          parent,
        );
        operations.set(graphqlContext, span);
        return within(span, parent, wrapped);
      },
      parse: (_payload, wrapped) => phase("graphql.parse", wrapped),
      validate: (_payload, wrapped) => phase("graphql.validate", wrapped),
      execute: (_payload, wrapped) => phase("graphql.execute", wrapped),
      subscribe: (_payload, wrapped) => phase("graphql.subscribe", wrapped),
    },
    onExecute({ args }) {
      const span = operations.get(args.contextValue);
      if (!span) return;
      const operation = getOperationAST(args.document, args.operationName);
      const name = operation?.name?.value;
      const operationType = operation?.operation ?? "query";
      span.updateName(`graphql.${operationType}${name ? ` ${name}` : ""}`);
      span.setAttributes({
        "graphql.operation.type": operationType,
        ...(name ? { "graphql.operation.name": name } : {}),
      });
    },
  };
}
