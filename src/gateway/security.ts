import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { GraphQLError, type ValidationRule } from "graphql";
import type { Plugin, YogaInitialContext, YogaServerOptions } from "graphql-yoga";
import type { Config } from "../config.js";
import type { DocumentLimits } from "../limits.js";
import {
  DOCUMENT_TOO_LARGE,
  NESTING_LIMIT_EXCEEDED,
  useDocumentBounds,
} from "./document-bounds.js";
import {
  SUBSCRIPTION_ROOT_SKIP_INCLUDE,
  useSkippedSubscriptionRefused,
} from "./skipped-subscription.js";

/**
 * What protects the gateway from hostile and careless clients before any upstream call: CSRF
 * prevention, CORS, the document backstops (depth, aliases, tokens, directives: graphql-armor),
 * introspection and field suggestions as configured. Each refusal names its limit and carries a
 * code of its own.
 */

export type SecurityPolicy = Pick<
  Config["gateway"],
  "introspection" | "suggestions" | "corsOrigins" | "limits"
>;

/**
 * Headers that prove a request was not a browser's "simple" cross-site one (a browser sends none
 * of them without a CORS preflight). JSON POSTs need none; GETs, multipart uploads and form posts
 * need one: yoga's own, Apollo's, or Forecourt's.
 */
export const CSRF_HEADERS = ["x-graphql-yoga-csrf", "apollo-require-preflight", "x-forecourt-csrf"];

/** The codes of the document backstops' refusals, one per limit. */
export const DOCUMENT_LIMIT_CODES = {
  maxTokens: "TOKEN_LIMIT_EXCEEDED",
  maxDepth: "DEPTH_LIMIT_EXCEEDED",
  maxAliases: "ALIAS_LIMIT_EXCEEDED",
  maxDirectives: "DIRECTIVE_LIMIT_EXCEEDED",
  maxDocumentBytes: DOCUMENT_TOO_LARGE,
  maxNesting: NESTING_LIMIT_EXCEEDED,
} as const satisfies Record<keyof DocumentLimits, string>;

/**
 * The request's own checks, before anything reads its body: query parameters that must be JSON,
 * then the CSRF rule (both before the parser, so a refused request is never parsed).
 */
export function requestChecks(): Plugin[] {
  return [useJsonQueryParameters(), useCsrfRefusal()];
}

/**
 * The document's checks: its size and nesting, the backstops (tokens, depth, aliases, directives),
 * the subscription-root rule, suggestions and introspection as configured, and the 400 status of
 * each refusal (last among them).
 */
export function documentChecks(
  policy: SecurityPolicy,
  options: { backstops: boolean } = { backstops: true },
): Plugin[] {
  const { limits } = policy;
  const coded = (limit: keyof DocumentLimits) => ({
    exposeLimits: true,
    onReject: [
      (_: unknown, error: GraphQLError) =>
        labelled(error, DOCUMENT_LIMIT_CODES[limit], limits[limit]),
    ],
  });
  const backstops = [
    maxTokensPlugin<YogaInitialContext>({
      n: limits.maxTokens,
      ...coded("maxTokens"),
    }),
    maxDepthPlugin<YogaInitialContext>({
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...coded("maxDepth"),
    }),
    maxAliasesPlugin<YogaInitialContext>({
      n: limits.maxAliases,
      ...coded("maxAliases"),
    }),
    maxDirectivesPlugin<YogaInitialContext>({
      n: limits.maxDirectives,
      ...coded("maxDirectives"),
    }),
  ];
  return [
    // Before anything reads the document or its variables: they keep the parsers off the stack's end.
    useDocumentBounds(limits),
    ...(options.backstops ? backstops : []),
    useSkippedSubscriptionRefused(),
    ...(policy.suggestions ? [] : [blockFieldSuggestionsPlugin<YogaInitialContext>()]),
    ...(policy.introspection ? [] : [useIntrospectionRefused()]),
    useRefusalStatus(),
  ];
}

/** A refused introspection: off by configuration (GRAPHQL_INTROSPECTION). */
export const INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED";

/** Codes of the refusals of a document itself, answered 400 whatever the client accepts. */
export const DOCUMENT_REFUSAL_CODES: ReadonlySet<unknown> = new Set([
  ...Object.values(DOCUMENT_LIMIT_CODES),
  INTROSPECTION_DISABLED,
  SUBSCRIPTION_ROOT_SKIP_INCLUDE,
]);

/**
 * Last among the validation hooks: whatever rewrote the errors, each backstop's refusal (and a
 * refused introspection) is a 400, whatever the client accepts, as the estimate's refusals are. (The token limit refuses while parsing, before validation: the
 * gateway's error masking gives that one its 400.)
 */
function useRefusalStatus(): Plugin {
  return {
    onValidate() {
      return ({ result }) => {
        for (const error of result) {
          if (DOCUMENT_REFUSAL_CODES.has(error.extensions.code)) {
            // spec: false, or yoga's own validation hook marks it a spec status, which JSON clients get as 200.
            Object.assign(error.extensions, { http: { status: 400, spec: false } });
          }
        }
      };
    },
  };
}

/**
 * A whole request body over `limit` bytes is refused with 413 REQUEST_ENTITY_TOO_LARGE. A declared
 * Content-Length is checked before anything is read; Node's HTTP parser then hands over exactly
 * that many bytes, so such a body needs no counting. Only a body without one (chunked) is counted
 * while it is read, and refused once it passes the limit.
 */
export function useRequestBodyLimit(limit: number): Plugin {
  const tooLarge = () =>
    new GraphQLError(
      `The request body is larger than the ${limit} bytes accepted (UPLOAD_MAX_BYTES sets the upload part of it).`,
      { extensions: { code: "REQUEST_ENTITY_TOO_LARGE", limit, http: { status: 413 } } },
    );
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get("content-length");
      if (declared !== null) {
        if (!/^\d+$/.test(declared)) {
          throw new GraphQLError("The Content-Length header must be one whole number of bytes.", {
            extensions: { code: "BAD_REQUEST", http: { status: 400 } },
          });
        }
        if (Number(declared) > limit) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      setRequestParser(async (req) => {
        let over = false;
        const refuse = () => {
          over = true;
          return tooLarge();
        };
        try {
          return await requestParser(counted(req, limit, fetchAPI, refuse));
        } catch (error) {
          // Yoga's multipart parser rewraps a failed read as a 400 "invalid multipart data".
          throw over ? tooLarge() : error;
        }
      });
    },
  };
}

/** The request with its body counted as it is read: past `limit`, reading fails with `tooLarge`. */
function counted(
  request: Request,
  limit: number,
  fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream },
  tooLarge: () => GraphQLError,
): Request {
  const body = request.body;
  if (!body) return request;
  // A native stream pipes only into a native TransformStream, the ponyfill's into its own.
  const Transform = body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
  let read = 0;
  const limited = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: limited,
    // @ts-expect-error: a streamed body needs it in fetch; lib.dom's RequestInit lacks it.
    duplex: "half",
  });
}

/** Query parameters yoga parses as JSON. */
const JSON_PARAMETERS = ["variables", "extensions"] as const;

/**
 * A GET whose `variables` or `extensions` is not JSON: yoga's parser throws a SyntaxError, which
 * became a 500. It is the request's fault: a 400 naming the parameter, before parsing.
 */
function useJsonQueryParameters(): Plugin {
  return {
    onRequest({ url, endResponse }) {
      for (const name of JSON_PARAMETERS) {
        const value = url.searchParams.get(name);
        if (value === null || isJson(value)) continue;
        const message = `The query parameter ${name} must be JSON (an object).`;
        endResponse(
          Response.json(
            { errors: [{ message, extensions: { code: "BAD_REQUEST" } }] },
            { status: 400 },
          ),
        );
        return;
      }
    },
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Yoga's CSRF prevention, its refusal saying which headers prove a request safe. A request the
 * browser marks as sent by a page of this origin needs none: GraphiQL's subscriptions are GETs
 * with `accept: text/event-stream`, which carry no header of ours.
 */
function useCsrfRefusal(): Plugin {
  const csrf = useCSRFPrevention({ requestHeaders: CSRF_HEADERS });
  return {
    onRequestParse(payload) {
      if (fromThisOrigin(payload.request)) return;
      try {
        csrf.onRequestParse?.(payload);
      } catch {
        throw new GraphQLError(
          `Refused before parsing: a browser could send this request from another site without asking (a GET, a form post or a multipart upload). Send it with one of the headers ${CSRF_HEADERS.join(", ")}, or as a JSON POST.`,
          { extensions: { code: "CSRF_PREVENTED", http: { status: 403 } } },
        );
      }
    },
  };
}

/**
 * Whether the browser says a page of this origin sent the request. A page of another site can
 * forge neither signal (Sec-Fetch-Site and Origin are forbidden header names), and where the
 * browser sends Sec-Fetch-Site it decides; Origin (older browsers) must equal this URL's origin.
 * Behind a proxy that changes the scheme or host they differ, and a CSRF header is needed as before.
 */
function fromThisOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = request.headers.get("origin");
  return origin !== null && origin === new URL(request.url).origin;
}

/** Yoga's CORS settings: none (same origin only) unless origins are configured. */
export function corsOptions(origins: readonly string[]): YogaServerOptions<object, object>["cors"] {
  if (origins.length === 0) return false;
  return {
    origin: origins.includes("*") ? "*" : [...origins],
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ["content-type", "accept", "authorization", "x-api-key", ...CSRF_HEADERS],
    credentials: false,
    maxAge: 600,
  };
}

/** graphql-armor's errors carry no code: each gets its own, and the limit it broke. */
function labelled(error: GraphQLError, code: string, limit: number): void {
  Object.assign(error.extensions, { code, limit });
}

const INTROSPECTION_FIELDS = new Set(["__schema", "__type"]);

/** Introspection refused by a validation rule whose error says how to turn it on. */
function useIntrospectionRefused(): Plugin {
  const rule: ValidationRule = (context) => ({
    Field(node) {
      if (!INTROSPECTION_FIELDS.has(node.name.value)) return;
      context.reportError(
        new GraphQLError(
          `Introspection is off on this gateway (${node.name.value}); it is off by default with NODE_ENV=production. Use the committed schema (schema/schema.graphql), or set GRAPHQL_INTROSPECTION=true.`,
          { nodes: [node], extensions: { code: INTROSPECTION_DISABLED } },
        ),
      );
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
