import { performance } from "node:perf_hooks";

/**
 * How many GraphQL requests the gateway works on at once; the others wait their turn, in order of
 * arrival, before anything reads them.
 *
 * Why: Node starts every request as it arrives, so under load 50 requests are half done at once,
 * each holding its document, context, upstream bodies and result for the whole round. Most of that
 * outlives two young-generation collections and is promoted, and the old generation is then
 * collected every few hundred milliseconds. Working on a few at a time, each finishes sooner and
 * its garbage dies young: on the peer benchmark's 50 connections, UNIQUE Q2 and Q2a served about a
 * fifth more requests and Q3 (21 upstream calls each) about three fifths more, at lower latency.
 *
 * The limit follows the event loop: while requests wait and the loop still had idle time in the
 * last window (they are waiting on upstreams, not on the CPU), it rises, quickly; while the loop
 * is saturated, it falls, slowly, to `min`. Slow upstreams therefore get as many requests at once
 * as `max` allows, and a CPU-bound instance works on few.
 */
export interface ConcurrencyLimitOptions {
  /** The fewest requests worked on at once (no more than `max`). */
  min: number;
  /** The most (MAX_REQUESTS_IN_FLIGHT: beyond it requests are refused, not queued). */
  max: number;
  /** Where the limit starts. */
  initial?: number;
  /** How often the limit is reconsidered, in ms. */
  windowMs?: number;
  /** The clock (performance.now by default). */
  now?: () => number;
  /**
   * The share of the time since its last call that the event loop was busy (0–1); Node's
   * event-loop utilization by default.
   */
  utilization?: () => number;
}

/** Below this share of busy time, with requests waiting, the loop has room: the limit rises. */
const ROOM = 0.95;
/** At or above it the loop is saturated: more at once only holds more memory, so it falls. */
const SATURATED = 0.99;

export class ConcurrencyLimit {
  readonly #min: number;
  readonly #max: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #utilization: () => number;
  readonly #waiting: Array<() => boolean> = [];
  #limit: number;
  #running = 0;
  #windowStart: number;
  /** Whether a request had to wait during this window: only then does the limit say anything. */
  #waited = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: ConcurrencyLimitOptions) {
    // Never more at once than `max`, even where `max` is below the usual `min`.
    this.#max = Math.max(1, Math.floor(options.max));
    this.#min = clamp(Math.floor(options.min), 1, this.#max);
    this.#limit = clamp(options.initial ?? this.#min * 4, this.#min, this.#max);
    this.#windowMs = options.windowMs ?? 100;
    this.#now = options.now ?? (() => performance.now());
    this.#utilization = options.utilization ?? eventLoopUtilization();
    this.#windowStart = this.#now();
  }

  /** Requests worked on at once, at most. */
  get limit(): number {
    return this.#limit;
  }

  /** Requests being worked on. */
  get running(): number {
    return this.#running;
  }

  /** Requests waiting their turn. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Starts `start` now, or when a turn comes. `start` answers false when its request has gone
   * while it waited: it then takes no turn, and the next one starts. Every start that answered
   * true must be followed by one `leave()`.
   */
  enter(start: () => boolean): void {
    this.#reconsider();
    if (this.#running < this.#limit && this.#waiting.length === 0) {
      if (start()) this.#running += 1;
      return;
    }
    this.#waited = true;
    this.#waiting.push(start);
    this.#watch();
  }

  /**
   * While requests wait, the limit is reconsidered every window even if no request arrives or
   * ends: on slow upstreams nothing ends for hundreds of milliseconds, and a burst would otherwise
   * be let in one window per answer.
   */
  #watch(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#reconsider();
      if (this.#waiting.length > 0) this.#watch();
    }, this.#windowMs);
    this.#timer.unref();
  }

  /** A request's answer is over: the next waiting one starts. */
  leave(): void {
    this.#running -= 1;
    this.#reconsider();
    this.#startWaiting();
  }

  #startWaiting(): void {
    while (this.#running < this.#limit) {
      const start = this.#waiting.shift();
      if (start === undefined) return;
      if (start()) this.#running += 1;
    }
  }

  #reconsider(): void {
    const now = this.#now();
    if (now - this.#windowStart < this.#windowMs) return;
    const busy = this.#utilization();
    if (this.#waited) {
      if (busy < ROOM) {
        // Requests wait while the loop idles: they wait on upstreams, so let more in at once.
        this.#limit = clamp(
          Math.ceil(this.#limit * (busy < ROOM / 2 ? 2 : 1.25)),
          this.#min,
          this.#max,
        );
      } else if (busy >= SATURATED) {
        this.#limit = clamp(Math.floor(this.#limit * 0.9), this.#min, this.#max);
      }
    }
    this.#windowStart = now;
    this.#waited = this.#waiting.length > 0;
    this.#startWaiting();
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Node's event-loop utilization since the previous call. */
function eventLoopUtilization(): () => number {
  let last = performance.eventLoopUtilization();
  return () => {
    const current = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(current, last);
    last = current;
    return utilization;
  };
}
