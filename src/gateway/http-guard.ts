import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Config } from "../config.js";
import { ConcurrencyLimit } from "./concurrency-limit.js";

/**
 * What Node's HTTP server does before yoga sees a request. Yoga's adapter builds a URL from the
 * request target and the Host header; a request where those do not parse failed there with a 500
 * and a stack. Here it gets a 4xx with a JSON error and a code, as every other refusal does.
 * Beyond `maxRequestsInFlight` requests at once, a 503 with Retry-After says to come back, rather
 * than letting every client wait. Within it, GraphQL requests beyond the adaptive concurrency limit
 * (concurrency-limit.ts) wait their turn unread.
 */

export type ServerSettings = Config["gateway"]["http"];

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The path whose requests take turns; everything else (probes, links, the showroom) never waits. */
const GRAPHQL_PATH = "/graphql";

export function guardRequests(
  settings: ServerSettings,
  handle: () => Handler,
  onOverload?: () => void,
  /** GraphQL requests beyond it wait their turn (concurrencyLimitFor); none wait without one. */
  limit?: ConcurrencyLimit,
): Handler {
  let inFlight = 0;
  return (req, res) => {
    const refusal = refusalOf(req);
    if (refusal) return refuse(res, refusal);
    // A subscription's stream stays open as long as its client: it is bounded per client, not here.
    const streaming = req.headers.accept?.includes("text/event-stream") === true;
    if (!streaming) {
      if (inFlight >= settings.maxRequestsInFlight) {
        onOverload?.();
        return refuse(res, {
          status: 503,
          code: "OVERLOADED",
          message: `The gateway is handling ${settings.maxRequestsInFlight} requests already (MAX_REQUESTS_IN_FLIGHT); retry in a second.`,
          headers: { "retry-after": "1" },
        });
      }
      inFlight += 1;
      let gone = false;
      let turn = false;
      res.once("close", () => {
        inFlight -= 1;
        gone = true;
        if (turn) limit?.leave();
      });
      if (limit && isGraphQLPath(req.url)) {
        return limit.enter(() => {
          // Its client left while it waited: nothing to answer, and no turn taken.
          if (gone) return false;
          turn = true;
          handle()(req, res);
          return true;
        });
      }
    }
    handle()(req, res);
  };
}

/** The fewest GraphQL requests worked on at once (see concurrency-limit.ts for the measurements). */
const ADAPTIVE_MIN = 4;

/** The limit ADAPTIVE_CONCURRENCY asks for; undefined when it is off. */
export function concurrencyLimitFor(settings: ServerSettings): ConcurrencyLimit | undefined {
  return settings.adaptiveConcurrency
    ? new ConcurrencyLimit({ min: ADAPTIVE_MIN, max: settings.maxRequestsInFlight })
    : undefined;
}

function isGraphQLPath(target: string | undefined): boolean {
  if (target === undefined || !target.startsWith(GRAPHQL_PATH)) return false;
  const next = target.charCodeAt(GRAPHQL_PATH.length);
  // "/graphql", "/graphql?…" or "/graphql/"; not "/graphqlx".
  return Number.isNaN(next) || next === 0x3f || next === 0x2f;
}

/**
 * What answers between listening and being ready to serve (the stores and clients still being
 * built): a 503 like OVERLOADED's, JSON with a code and Retry-After, so that a client or load
 * balancer that reaches a restarting instance knows to come back rather than what broke.
 */
export const answerStarting: Handler = (_req, res) =>
  refuse(res, {
    status: 503,
    code: "STARTING",
    message: "The gateway is starting and not serving yet; retry in a second.",
    headers: { "retry-after": "1" },
  });

/**
 * Node's own timeouts, so that a slow or idle client cannot hold a connection for long; and a
 * request Node cannot even parse gets the same JSON error as any other refusal.
 */
export function hardenServer(server: Server, settings: ServerSettings): void {
  server.headersTimeout = settings.headersTimeoutMs;
  server.requestTimeout = Math.max(settings.requestTimeoutMs, settings.headersTimeoutMs + 1);
  server.keepAliveTimeout = settings.keepAliveTimeoutMs;
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const timedOut = error.code === "ERR_HTTP_REQUEST_TIMEOUT";
    const refusal = timedOut
      ? { status: 408, code: "REQUEST_TIMEOUT", message: "The request took too long to arrive." }
      : badRequest("Node's HTTP parser could not read it");
    const body = errorBody(refusal);
    socket.end(
      `HTTP/1.1 ${refusal.status} ${timedOut ? "Request Timeout" : "Bad Request"}\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
        `connection: close\r\n\r\n${body}`,
    );
  });
}

interface Refusal {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

function refusalOf(req: IncomingMessage): Refusal | undefined {
  const target = req.url ?? "";
  if (target === "*") {
    // `OPTIONS *` asks what the server supports; anything else with `*` makes no sense.
    return req.method === "OPTIONS"
      ? { status: 204, code: "OK", message: "", headers: { allow: "GET, POST, OPTIONS" } }
      : badRequest("the request target * is only for OPTIONS");
  }
  const host = req.headers.host;
  if (host === undefined || /\s/.test(host) || !URL.canParse(`http://${host}/`)) {
    return badRequest("the Host header is missing or is not a host name and port");
  }
  if (!target.startsWith("/")) {
    // The absolute form (proxies send it): the path is what counts, the host is the Host header's.
    if (!URL.canParse(target)) return badRequest("the request target is not a path or a URL");
    const url = new URL(target);
    req.url = `${url.pathname}${url.search}`;
  }
  return undefined;
}

function badRequest(reason: string): Refusal {
  return { status: 400, code: "BAD_REQUEST", message: `Malformed HTTP request: ${reason}.` };
}

function errorBody(refusal: Refusal): string {
  return JSON.stringify({
    errors: [{ message: refusal.message, extensions: { code: refusal.code } }],
  });
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  if (refusal.status === 204) {
    res.writeHead(204, refusal.headers).end();
    return;
  }
  const body = errorBody(refusal);
  res
    .writeHead(refusal.status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(body),
      ...refusal.headers,
    })
    .end(body);
}
