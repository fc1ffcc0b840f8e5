import { IMAGE_STATUSES, isTerminal } from "../domains/image/image.model.js";
import { safely } from "../error-reports.js";
import { toError } from "../errors.js";
import type { CarCutterClient } from "../upstreams/carcutter/client.js";
import { type ImageStatusDto, MAX_IMAGE_URLS_PER_CALL } from "../upstreams/carcutter/dto.js";
import { enumValueOf } from "../wire-enums.js";
import type { ImageEvents, ImageWatcher } from "./image-events.js";
import { inProcessPollLock, type PollLock } from "./poll-lock.js";

/**
 * The fallback when webhooks are silent (lost, late, or impossible without PUBLIC_URL): every
 * interval, the watched images that are not terminal are read from CarCutter's status endpoint,
 * 60 per call, and each status that changed since this poller last saw it is published.
 *
 * Bounds: at most `maxCallsPerMinute` status calls in any 60 s (URLs left over wait for the next
 * tick, longest-unpolled first); with a shared PollLock, a URL is polled by one instance per
 * interval. Watching is reference-counted: a URL is polled while at least one watcher holds it
 * and its last status was not terminal (FINAL, ERROR, EXPIRED); watching it again polls it again.
 *
 * Wiring (src/server.ts, createRuntime):
 * ```ts
 * const poller = new ImagePoller({
 *   carcutter,                                   // the process-wide client (no request meter)
 *   events,
 *   intervalMs: config.events.pollIntervalMs,
 *   maxCallsPerMinute: config.events.pollMaxCallsPerMinute,
 *   lock,                                        // createRedisPollLock(…) or inProcessPollLock
 *   onError: (err) => logger?.warn({ err: err.message }, "image poller: status read failed"),
 * });
 * poller.start();
 * // … GatewayDeps.poller = poller; on close, before closing the CarCutter pool:
 * await poller.stop();
 * ```
 */

export interface Timers {
  /** Runs `callback` once after `ms`; the returned function cancels it. Must not hold the process. */
  schedule(callback: () => void, ms: number): () => void;
}

const unrefTimers: Timers = {
  schedule(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export interface ImagePollerOptions {
  carcutter: Pick<CarCutterClient, "imageStatuses">;
  events: Pick<ImageEvents, "publish">;
  /** Time between the end of one poll and the start of the next; also the lock's lifetime. */
  intervalMs: number;
  /** Status calls allowed in any 60 s window (per instance). */
  maxCallsPerMinute: number;
  /** Default: in-process (every URL granted). */
  lock?: PollLock;
  /** Epoch milliseconds, for the per-minute window. */
  now?: () => number;
  timers?: Timers;
  /** Told about failed status reads and publishes; polling carries on. */
  onError?: (error: Error) => void;
  /** Told of every status read it makes, and whether it succeeded. */
  onRead?: (ok: boolean) => void;
}

interface Watched {
  refs: number;
  /** status/phase/quality as last seen by this poller. */
  lastSeen: string | undefined;
  terminal: boolean;
  /** When this poller last read it (NEGATIVE_INFINITY: never), for longest-unpolled-first. */
  polledAt: number;
}

const MINUTE_MS = 60_000;

export class ImagePoller implements ImageWatcher {
  readonly #carcutter: Pick<CarCutterClient, "imageStatuses">;
  readonly #events: Pick<ImageEvents, "publish">;
  readonly #intervalMs: number;
  readonly #maxCallsPerMinute: number;
  readonly #lock: PollLock;
  readonly #now: () => number;
  readonly #timers: Timers;
  readonly #onError: (error: Error) => void;
  readonly #onRead: (ok: boolean) => void;
  readonly #watched = new Map<string, Watched>();
  /** Start times of the status calls of the last minute, oldest first. */
  #calls: number[] = [];
  #inFlight: Promise<void> | undefined;
  #cancelTimer: (() => void) | undefined;
  #running = false;

  constructor(options: ImagePollerOptions) {
    if (!(options.intervalMs > 0)) throw new RangeError("intervalMs must be > 0");
    if (!(options.maxCallsPerMinute >= 1)) throw new RangeError("maxCallsPerMinute must be ≥ 1");
    this.#carcutter = options.carcutter;
    this.#events = options.events;
    this.#intervalMs = options.intervalMs;
    this.#maxCallsPerMinute = Math.floor(options.maxCallsPerMinute);
    this.#lock = options.lock ?? inProcessPollLock;
    this.#now = options.now ?? Date.now;
    this.#timers = options.timers ?? unrefTimers;
    this.#onError = safely(options.onError);
    this.#onRead = options.onRead ?? (() => {});
  }

  watch(urls: ReadonlySet<string>): () => void {
    for (const url of urls) {
      const entry = this.#watched.get(url);
      if (entry) {
        entry.refs++;
        // The watcher believes it is not terminal (a resubmission, say): read it again.
        entry.terminal = false;
      } else {
        this.#watched.set(url, {
          refs: 1,
          lastSeen: undefined,
          terminal: false,
          polledAt: Number.NEGATIVE_INFINITY,
        });
      }
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const url of urls) {
        const entry = this.#watched.get(url);
        if (entry && --entry.refs <= 0) this.#watched.delete(url);
      }
    };
  }

  /** URLs watched (terminal or not). */
  get watchedCount(): number {
    return this.#watched.size;
  }

  /** URLs that the next poll would read, budget and lock permitting. */
  get dueCount(): number {
    let due = 0;
    for (const entry of this.#watched.values()) if (!entry.terminal) due++;
    return due;
  }

  /** Polls every interval until stop(); the first poll comes one interval from now. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#scheduleNext();
  }

  /** No more polls; resolves once a poll under way has finished. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    await this.#inFlight;
  }

  /** One poll now (the timer calls this; tests do too). Never rejects; overlapping calls share. */
  pollOnce(): Promise<void> {
    this.#inFlight ??= this.#poll().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  #scheduleNext(): void {
    if (!this.#running || this.#cancelTimer) return;
    this.#cancelTimer = this.#timers.schedule(() => {
      this.#cancelTimer = undefined;
      void this.pollOnce().then(() => this.#scheduleNext());
    }, this.#intervalMs);
  }

  async #poll(): Promise<void> {
    const due = [...this.#watched.entries()]
      .filter(([, entry]) => !entry.terminal)
      .sort(([, a], [, b]) => a.polledAt - b.polledAt)
      .map(([url]) => url);
    const capacity = this.#callsAllowed() * MAX_IMAGE_URLS_PER_CALL;
    const granted = await this.#acquire(due, capacity);
    for (let i = 0; i < granted.length; i += MAX_IMAGE_URLS_PER_CALL) {
      await this.#read(granted.slice(i, i + MAX_IMAGE_URLS_PER_CALL));
    }
  }

  /** Status calls still allowed in the current 60 s window. */
  #callsAllowed(): number {
    const since = this.#now() - MINUTE_MS;
    this.#calls = this.#calls.filter((at) => at > since);
    return Math.max(0, this.#maxCallsPerMinute - this.#calls.length);
  }

  /**
   * Up to `capacity` of `due` (in order) whose lock this instance holds. Locks are only taken for
   * URLs it will read now: one held but left unread would go unpolled by every instance.
   */
  async #acquire(due: readonly string[], capacity: number): Promise<string[]> {
    const granted: string[] = [];
    let next = 0;
    while (granted.length < capacity && next < due.length) {
      const candidates = due.slice(next, next + capacity - granted.length);
      next += candidates.length;
      granted.push(...(await this.#lock.acquire(candidates, this.#intervalMs)));
    }
    return granted;
  }

  async #read(urls: string[]): Promise<void> {
    const at = this.#now();
    this.#calls.push(at);
    let statuses: ImageStatusDto[];
    try {
      statuses = await this.#carcutter.imageStatuses(urls);
      this.#onRead(true);
    } catch (error) {
      this.#onRead(false);
      this.#onError(toError(error));
      return;
    }
    for (const url of urls) {
      const entry = this.#watched.get(url);
      if (entry) entry.polledAt = at;
    }
    for (const status of statuses) {
      // Unwatched meanwhile: nobody is waiting for it here.
      const entry = this.#watched.get(status.image);
      if (!entry) continue;
      entry.terminal = isTerminal(enumValueOf(IMAGE_STATUSES, status.status));
      const seen = stateKey(status);
      if (seen === entry.lastSeen) continue;
      entry.lastSeen = seen;
      try {
        await this.#events.publish(status);
      } catch (error) {
        this.#onError(toError(error));
      }
    }
  }
}

function stateKey(status: ImageStatusDto): string {
  return JSON.stringify([status.status, status.phase ?? null, status.quality ?? null]);
}
