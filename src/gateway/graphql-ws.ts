import type { IncomingMessage, Server } from "node:http";
import { type DocumentNode, type ExecutionArgs, GraphQLError, type GraphQLSchema } from "graphql";
import type { SubscribePayload } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import type { YogaServerInstance } from "graphql-yoga";
import { WebSocketServer } from "ws";
import type { Caller, ClientGate } from "../clients/client-gate.js";
import { messageOf } from "../errors.js";
import { rateLimitError } from "./client-plugin.js";
import { canonicalText, hexOf, sha256, type TrustedDocuments } from "./trusted-documents.js";

/**
 * GraphQL over WebSocket (the graphql-transport-ws protocol of graphql-ws 6) on the gateway's
 * HTTP server, running every operation through yoga's envelop: the same parser and validation
 * rules (limits included), the same context factory, the same error masking and plugins as HTTP.
 *
 * The context factory is handed what an HTTP request would give it: `request` is a Request built
 * from the upgrade request (URL, headers) whose `signal` aborts when the operation completes, the
 * client completes it, or the socket closes, so `createContext` (which reads
 * `initial.request.signal`) and useExecutionCancellation work unchanged.
 *
 * Yoga's `onParams` hooks do not run for WebSocket operations (they belong to its HTTP pipeline),
 * so trusted-documents mode is enforced here: pass `trustedDocuments` when it is on.
 *
 * Wiring (src/server.ts, startServer, once `runtime` exists):
 * ```ts
 * const disposeWs = attachGraphqlWs(server, runtime.gateway, {
 *   ...(trustedDocuments ? { trustedDocuments } : {}),
 * });
 * // close(): first `await disposeWs()` (upgraded sockets are not closed by server.close), then
 * // server.close(…) and runtime.close()
 * ```
 */

export interface GraphqlWsOptions {
  /** Default /graphql: the same path serves HTTP and WebSocket. */
  path?: string;
  /** When set, only these documents run (by hash in extensions.persistedQuery, or by text). */
  trustedDocuments?: TrustedDocuments | undefined;
  /** Largest message accepted from a client; default 1 MiB. */
  maxPayloadBytes?: number;
  /** Ping interval that keeps idle connections alive and finds dead ones; default 12 s. */
  keepAliveMs?: number;
  /**
   * Who may connect: with client keys, `connection_init` must carry `{"apiKey": "<key>"}`
   * (browsers cannot set WebSocket headers), or the socket is closed with 4401. Each operation
   * counts against its caller's requests per minute. Without, every caller is local.
   */
  clients?: ClientGate;
}

/** graphql-ws's close code for a connection without a valid client key (HTTP's 401). */
export const CLOSE_UNAUTHENTICATED = 4401;

/** What this needs from the yoga instance. */
export type EnvelopedServer = Pick<
  YogaServerInstance<Record<string, unknown>, Record<string, unknown>>,
  "getEnveloped"
>;
type Enveloped = ReturnType<EnvelopedServer["getEnveloped"]>;

const DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

export function attachGraphqlWs(
  httpServer: Server,
  yoga: EnvelopedServer,
  options: GraphqlWsOptions = {},
): () => Promise<void> {
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: options.path ?? "/graphql",
    maxPayload: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES,
  });
  /** The enveloped functions of each operation, found again by its execution arguments. */
  const operations = new WeakMap<ExecutionArgs, Enveloped>();
  /** Per connection, the abort controller of each running operation, by operation id. */
  const running = new WeakMap<object, Map<string, AbortController>>();
  const controllersOf = (ctx: object) => {
    let map = running.get(ctx);
    if (!map) {
      map = new Map();
      running.set(ctx, map);
    }
    return map;
  };
  const finish = (ctx: object, id: string) => {
    const map = controllersOf(ctx);
    map.get(id)?.abort();
    map.delete(id);
  };
  const enveloped = (args: ExecutionArgs): Enveloped => {
    const found = operations.get(args);
    if (!found) throw new Error("graphql-ws: operation was not prepared by onSubscribe");
    return found;
  };

  const gate = options.clients;
  /** The caller of each connection, identified at connection_init. */
  const callers = new WeakMap<object, Caller>();

  const server = useServer<Record<string, unknown> | undefined, Record<PropertyKey, never>>(
    {
      execute: (args) => enveloped(args).execute(args),
      subscribe: (args) => enveloped(args).subscribe(args),
      onConnect: (ctx) => {
        if (!gate) return true;
        const key = ctx.connectionParams?.apiKey;
        const identified = gate.identify(
          typeof key === "string" ? key : undefined,
          ctx.extra.request.socket.remoteAddress,
        );
        if (!identified.ok) {
          // Closed here, before graphql-ws would close with its generic 4403.
          ctx.extra.socket.close(CLOSE_UNAUTHENTICATED, identified.message.slice(0, 120));
          return false;
        }
        callers.set(ctx, identified.caller);
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const caller = callers.get(ctx);
        if (gate && caller) {
          const taken = await gate.admit(caller);
          if (!taken.ok) return [rateLimitError(caller, Math.ceil(taken.retryAfterMs / 1000))];
        }
        const params = options.trustedDocuments
          ? trustedParams(payload, options.trustedDocuments)
          : payload;
        if (params instanceof GraphQLError) return [params];
        const controller = new AbortController();
        controllersOf(ctx).set(id, controller);
        try {
          const request = requestOf(ctx.extra.request, controller.signal);
          if (gate && caller) gate.bind(request, caller);
          const env = yoga.getEnveloped({
            ...ctx,
            req: ctx.extra.request,
            socket: ctx.extra.socket,
            params,
            request,
          });
          const schema: GraphQLSchema = env.schema;
          let document: DocumentNode;
          try {
            document = env.parse(params.query);
          } catch (error) {
            finish(ctx, id);
            return [asGraphQLError(error)];
          }
          const errors = env.validate(schema, document);
          if (errors.length > 0) {
            finish(ctx, id);
            return errors;
          }
          const args: ExecutionArgs = {
            schema,
            document,
            operationName: params.operationName,
            variableValues: params.variables,
            contextValue: await env.contextFactory(),
          };
          operations.set(args, env);
          return args;
        } catch (error) {
          finish(ctx, id);
          throw error;
        }
      },
      onComplete: (ctx, id) => finish(ctx, id),
      onClose: (ctx) => {
        for (const id of [...controllersOf(ctx).keys()]) finish(ctx, id);
      },
    },
    wsServer,
    options.keepAliveMs,
  );

  let disposed: Promise<void> | undefined;
  return () => {
    disposed ??= (async () => {
      await server.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    })();
    return disposed;
  };
}

/** What an HTTP request would carry: the upgrade request's URL and headers, and `signal`. */
function requestOf(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, item);
      } catch {
        // A header the Fetch API refuses is left out.
      }
    }
  }
  let url: URL;
  try {
    url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  } catch {
    url = new URL(req.url ?? "/", "http://localhost");
  }
  return new Request(url, { headers, signal });
}

const TRUSTED_DOCUMENT_REQUIRED = new GraphQLError(
  "This gateway runs trusted documents only: send a trusted document's sha256 hash as extensions.persistedQuery.sha256Hash, or its exact text.",
  { extensions: { code: "TRUSTED_DOCUMENT_REQUIRED" } },
);

/**
 * The operation's params with the trusted document's text, or the refusal that yoga's
 * persisted-operations plugin gives over HTTP (src/gateway/trusted-documents.ts).
 */
function trustedParams(
  payload: SubscribePayload,
  trusted: TrustedDocuments,
): SubscribePayload | GraphQLError {
  const persisted = payload.extensions?.persistedQuery;
  const sent =
    typeof persisted === "object" && persisted !== null && "sha256Hash" in persisted
      ? persisted.sha256Hash
      : undefined;
  if (typeof sent === "string") {
    const text = trusted.byHash.get(hexOf(sent) ?? "");
    if (text !== undefined) return { ...payload, query: text };
    return new GraphQLError(
      "No trusted document has this hash: regenerate the client's documents, or add them to the gateway's manifest.",
      { extensions: { code: "TRUSTED_DOCUMENT_NOT_FOUND" } },
    );
  }
  if (payload.query) {
    const canonical = canonicalText(payload.query);
    for (const hash of [sha256(payload.query), canonical && sha256(canonical)]) {
      const text = hash ? trusted.byHash.get(hash) : undefined;
      if (text !== undefined) return { ...payload, query: text };
    }
  }
  return TRUSTED_DOCUMENT_REQUIRED;
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  return new GraphQLError(messageOf(error));
}
