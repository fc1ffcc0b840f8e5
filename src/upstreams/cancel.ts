import { EventEmitter } from "node:events";

/**
 * What upstream work needs of a cancellation: whether and why it was cancelled, and to be told
 * when. An AbortSignal is one; so is a Cancel, which costs far less to make and to listen to.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/**
 * A cancellation that is its own signal, for work made many times per request (an upstream call,
 * a shared read, an operation's deadline). An AbortController is a whole EventTarget on Node 20:
 * making one, and adding and removing its listeners, cost several microseconds each, which made
 * sharing a read cost more than the call it shared. undici takes any EventEmitter with `aborted`
 * as a signal, so a Cancel goes to it as it is. Not for what needs a real AbortSignal
 * (AbortSignal.any, fetch, events.on): the request's own signal stays one.
 */
export class Cancel extends EventEmitter implements CancelSignal {
  aborted = false;
  reason: unknown;

  constructor() {
    super();
    // One listener per call of a request in flight: a page of 100 is no leak.
    this.setMaxListeners(0);
  }

  /** The signal to hand to the work: the Cancel itself (as AbortController.signal reads). */
  get signal(): CancelSignal {
    return this;
  }

  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason ?? new DOMException("This operation was aborted", "AbortError");
    // Each listener on its own, as an AbortSignal calls them: one that throws must neither keep
    // the others from stopping their work nor escape into the timer that aborted.
    const listeners = this.rawListeners("abort") as (() => void)[];
    this.removeAllListeners("abort");
    for (const listener of listeners) {
      try {
        listener();
      } catch {
        // Not the cancellation's to report.
      }
    }
  }

  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }

  /** Abort happens once, so every listener is a once listener, whatever `options` says. */
  addEventListener(_type: "abort", listener: () => void, _options?: { once?: boolean }): void {
    this.once("abort", listener);
  }

  removeEventListener(_type: "abort", listener: () => void): void {
    this.off("abort", listener);
  }
}
