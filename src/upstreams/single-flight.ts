import { Cancel, type CancelSignal } from "./cancel.js";

interface Flight<T> {
  promise: Promise<T>;
  /** Aborts the shared work once every caller waiting on it has given up. */
  controller: Cancel;
  /** Callers still waiting; a caller without a signal waits until the work ends. */
  waiters: number;
}

export interface FlightResult<T> {
  value: T;
  /** True when this caller joined work another caller had started. */
  joined: boolean;
}

/**
 * At most one run of the work for a key at a time: callers arriving while it runs share its
 * outcome (value or error). A caller whose signal aborts stops waiting at once, with its abort
 * reason; the work itself is aborted only when no caller is left to want it. The mechanism only:
 * what is shared across requests, and how, is InFlight's rule (in-flight.ts).
 */
export class SingleFlight {
  readonly #flights = new Map<string, Flight<unknown>>();

  /** Work in progress. */
  get size(): number {
    return this.#flights.size;
  }

  /** Whether work for `key` is in progress: a caller now would join it. */
  has(key: string): boolean {
    return this.#flights.has(key);
  }

  /**
   * `share`, when given, prepares a value that more than one caller is about to get (InFlight
   * freezes it); a value only one caller gets is handed over as it is.
   */
  run<T>(
    key: string,
    work: (signal: CancelSignal) => Promise<T>,
    signal?: CancelSignal,
    share?: (value: T) => T,
  ): Promise<FlightResult<T>> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    // Callers use one key for one kind of work, so the value type matches.
    const existing = this.#flights.get(key) as Flight<T> | undefined;
    if (existing !== undefined) return this.#wait(key, existing, true, signal);
    // Not an AbortController: one per shared read, made and listened to on every call (cancel.ts).
    const controller = new Cancel();
    let flight: Flight<T> | undefined;
    // Started on the next microtask, after the flight is registered, so that a synchronous
    // failure of `work` is shared like any other. It is forgotten as it settles, in the same
    // step that counts who gets its value: nobody can join after that count.
    const promise = Promise.resolve()
      .then(() => work(controller.signal))
      .then(
        (value) => {
          if (flight !== undefined) this.#forget(key, flight);
          return share !== undefined && (flight?.waiters ?? 0) > 1 ? share(value) : value;
        },
        (error: unknown) => {
          if (flight !== undefined) this.#forget(key, flight);
          throw error;
        },
      );
    flight = { promise, controller, waiters: 0 };
    this.#flights.set(key, flight as Flight<unknown>);
    return this.#wait(key, flight, false, signal);
  }

  #wait<T>(
    key: string,
    flight: Flight<T>,
    joined: boolean,
    signal: CancelSignal | undefined,
  ): Promise<FlightResult<T>> {
    flight.waiters += 1;
    return new Promise<FlightResult<T>>((resolve, reject) => {
      let settled = false;
      const onAbort = () => {
        if (settled || signal === undefined) return;
        settled = true;
        flight.waiters -= 1;
        if (flight.waiters === 0) {
          // Nobody wants the answer any more: stop paying for it, and let the next caller start afresh.
          this.#forget(key, flight);
          flight.controller.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      flight.promise.then(
        (value) => {
          if (settled) return;
          settled = true;
          flight.waiters -= 1;
          signal?.removeEventListener("abort", onAbort);
          resolve({ value, joined });
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          flight.waiters -= 1;
          signal?.removeEventListener("abort", onAbort);
          reject(error);
        },
      );
    });
  }

  #forget<T>(key: string, flight: Flight<T>): void {
    if (this.#flights.get(key) === flight) this.#flights.delete(key);
  }
}
