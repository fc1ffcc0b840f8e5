/**
 * Time as the emulators see it. Tests drive the image lifecycle and link expiry with a
 * ManualClock instead of sleeping; the processes use the system clock.
 */
export interface Clock {
  now(): number;
  /** Calls `listener` whenever time moves; returns a function that stops it. */
  onTick(listener: () => void, intervalMs: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  onTick(listener, intervalMs) {
    const timer = setInterval(listener, intervalMs);
    // A ticking emulator must not keep a finished process (or test worker) alive.
    timer.unref();
    return () => clearInterval(timer);
  },
};

export class ManualClock implements Clock {
  #now: number;
  readonly #listeners = new Set<() => void>();

  constructor(start: number | Date = Date.UTC(2026, 0, 15, 9, 0, 0)) {
    this.#now = typeof start === "number" ? start : start.getTime();
  }

  now(): number {
    return this.#now;
  }

  onTick(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Moves time forward and lets every listener observe the new time. */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError("ManualClock cannot go backwards");
    this.#now += ms;
    for (const listener of this.#listeners) listener();
  }
}
