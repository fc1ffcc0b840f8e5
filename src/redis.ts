import type { Redis, RedisOptions } from "ioredis";
import type { ErrorReporter } from "./error-reports.js";
import { messageOf } from "./errors.js";
import { ioredis } from "./optional-dependencies.js";

/**
 * What the events layer needs from Redis: connections that never crash the process. An outage is
 * reported (rate-limited) and waited out with reconnects in the background; the callers decide
 * what to do meanwhile (events stay on this instance, the poll lock lets every instance poll).
 */

/** A failure of the events layer's Redis connections; `cause` holds what Redis said. */
export class EventsRedisError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = "EventsRedisError";
  }
}

const MAX_RECONNECT_DELAY_MS = 5000;
const CONNECT_TIMEOUT_MS = 1000;

/**
 * A connection that retries forever with backoff and reports its errors (without a listener,
 * ioredis prints each one to stderr itself). `role` names it in reports; the URL never appears.
 */
export function connectRedis(
  url: string,
  role: string,
  report: ErrorReporter,
  options: RedisOptions,
): Redis {
  const redis = new (ioredis().Redis)(url, {
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 6), MAX_RECONNECT_DELAY_MS),
    ...options,
  });
  redis.on("error", (error: Error) =>
    report(new EventsRedisError(`Redis (${role}) connection failed: ${error.message}`, error)),
  );
  return redis;
}

/**
 * The client, with the promises of `commands` observed: a library that calls them and drops the
 * promise (createRedisEventTarget does, for PUBLISH and SUBSCRIBE) would otherwise leave a
 * rejection unhandled during an outage, which ends a Node process.
 */
export function withObservedCommands(
  client: Redis,
  commands: readonly string[],
  report: ErrorReporter,
  role: string,
): Redis {
  const observed = new Set(commands);
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== "string" || !observed.has(property) || typeof value !== "function") {
        return value;
      }
      return (...args: unknown[]) => {
        const result: unknown = Reflect.apply(value, target, args);
        if (result instanceof Promise) {
          result.catch((error: unknown) =>
            report(
              new EventsRedisError(
                `Redis (${role}) ${property.toUpperCase()} failed: ${messageOf(error)}`,
                error,
              ),
            ),
          );
        }
        return result;
      };
    },
  });
}

/** Quits politely when connected (bounded), then drops the connection. */
export async function closeRedis(redis: Redis, timeoutMs = 250): Promise<void> {
  if (redis.status === "ready") {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      redis.quit().catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }
  redis.disconnect();
}
