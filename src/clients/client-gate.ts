import { createHash, timingSafeEqual } from "node:crypto";
import { type ClientEntry, type ClientLimits, DEFAULT_CLIENT_LIMITS } from "./clients-file.js";
import { createWindowLimiter, type Taken, type WindowLimiter } from "./rate-limits.js";

const ADMITTED: Taken = Object.freeze({ ok: true });

/**
 * Who is calling, and whether they may: the client keys of CLIENTS_PATH, the requests per minute
 * and the subscriptions open at once of each caller. (Their daily budget is the cost guard's:
 * src/gateway/cost-plugin.ts, with the spend in the ledger's store.)
 *
 * With clients configured, every GraphQL request names its client by key. Without, the gateway is
 * open, and each source address is a caller of its own with the default limits, except the
 * machine itself: `npm start` on a laptop, a benchmark, a sidecar on loopback are not limited
 * (a gateway that listens beyond loopback without clients says so at start).
 */

export interface Caller {
  /** The client's name; `address:<ip>` or `local` when no clients are configured. */
  name: string;
  kind: "client" | "address" | "local";
  limits: ClientLimits;
}

/** No limit at all: the machine itself, when the gateway is open. */
const UNLIMITED: ClientLimits = { requestsPerMinute: 0, pencePerDay: 0, maxSubscriptions: 0 };
export const LOCAL_CALLER: Caller = { name: "local", kind: "local", limits: UNLIMITED };

export type Identified =
  | { ok: true; caller: Caller }
  | { ok: false; reason: "missing" | "unknown"; message: string };

export interface ClientGateOptions {
  /** Undefined: no CLIENTS_PATH, the gateway is open. */
  clients: readonly ClientEntry[] | undefined;
  /** Limits of each source address when open (CLIENT_* variables). */
  defaults: ClientLimits;
  limiter: WindowLimiter;
}

const KEY_HEADER = "x-api-key";
const BEARER = /^Bearer\s+(\S+)\s*$/i;

export class ClientGate {
  readonly #clients: readonly ClientEntry[] | undefined;
  readonly #defaults: ClientLimits;
  readonly #limiter: WindowLimiter;
  /** The caller of each HTTP request (and of each WebSocket operation's stand-in request). */
  readonly #byRequest = new WeakMap<Request, Caller>();
  readonly #subscriptions = new Map<string, number>();

  /** No clients file, default limits, counted in this process. */
  static open(): ClientGate {
    return new ClientGate({
      clients: undefined,
      defaults: DEFAULT_CLIENT_LIMITS,
      limiter: createWindowLimiter({
        redisUrl: undefined,
        namespace: "forecourt",
        onError: () => {},
      }),
    });
  }

  constructor(options: ClientGateOptions) {
    this.#clients = options.clients;
    this.#defaults = options.defaults;
    this.#limiter = options.limiter;
  }

  /** Whether any key is needed (CLIENTS_PATH is set). */
  get keyed(): boolean {
    return this.#clients !== undefined;
  }

  /** The key an HTTP request carries: `x-api-key`, or `Authorization: Bearer`. */
  static keyOf(headers: Headers): string | undefined {
    const key = headers.get(KEY_HEADER)?.trim();
    if (key) return key;
    return BEARER.exec(headers.get("authorization") ?? "")?.[1];
  }

  /** `address` is the connection's remote address; undefined for a request made in-process. */
  identify(key: string | undefined, address: string | undefined): Identified {
    const clients = this.#clients;
    if (clients === undefined) {
      if (address === undefined || isLoopback(address)) return { ok: true, caller: LOCAL_CALLER };
      return {
        ok: true,
        caller: { name: `address:${address}`, kind: "address", limits: this.#defaults },
      };
    }
    if (key === undefined || key === "") {
      return {
        ok: false,
        reason: "missing",
        message:
          "This gateway needs a client key: send it as the x-api-key header (or Authorization: Bearer <key>; in graphql-ws, as apiKey in the connection_init payload). Ask the gateway's operator for one.",
      };
    }
    const presented = createHash("sha256").update(key).digest();
    // Every entry is compared, and in constant time: how long this takes says nothing of the key.
    let found: ClientEntry | undefined;
    for (const client of clients) {
      if (timingSafeEqual(presented, client.keyHash) && found === undefined) found = client;
    }
    if (!found) {
      return {
        ok: false,
        reason: "unknown",
        message:
          "This client key is not known to the gateway: check it, or ask the gateway's operator for a new one.",
      };
    }
    return { ok: true, caller: { name: found.name, kind: "client", limits: found.limits } };
  }

  /** One request of `caller`'s requests per minute. */
  /** Synchronous for a caller without a per-minute limit: there is nothing to count. */
  admit(caller: Caller): Taken | Promise<Taken> {
    const perMinute = caller.limits.requestsPerMinute;
    if (perMinute === 0) return ADMITTED;
    return this.#limiter.take(`requests:${caller.name}`, perMinute, 60);
  }

  bind(request: Request, caller: Caller): void {
    this.#byRequest.set(request, caller);
  }

  /** The caller bound to `request`; the machine itself when none was (a request made in-process). */
  callerOf(request: Request): Caller {
    return this.#byRequest.get(request) ?? LOCAL_CALLER;
  }

  /**
   * Opens one of `caller`'s subscriptions on this instance: the function that closes it, or
   * undefined when `caller` already has its maximum open.
   */
  openSubscription(caller: Caller): (() => void) | undefined {
    const open = this.#subscriptions.get(caller.name) ?? 0;
    const max = caller.limits.maxSubscriptions;
    if (max !== 0 && open >= max) return undefined;
    this.#subscriptions.set(caller.name, open + 1);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      const now = (this.#subscriptions.get(caller.name) ?? 1) - 1;
      if (now <= 0) this.#subscriptions.delete(caller.name);
      else this.#subscriptions.set(caller.name, now);
    };
  }
}

export function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}
