import type { ImageStatusDto } from "../upstreams/carcutter/dto.js";

/**
 * Image status changes, from CarCutter's webhooks or the poller, to subscribers: in-process, or
 * through Redis so that an event received by one instance reaches subscribers on every instance.
 */
export interface ImageEvents {
  /**
   * Announces a status to the subscribers of its URL on every instance. Never rejects: when the
   * shared channel is unavailable the event still reaches this instance's subscribers.
   */
  publish(status: ImageStatusDto): Promise<void>;
  /**
   * Statuses of these URLs until `signal` aborts or the iterator is returned. Listening starts when
   * this is called, not at the first `next()`, so nothing published in between is missed. A
   * consumer slower than the events is given the latest status of each URL (intermediate ones may
   * be skipped): a stalled client holds at most one status per URL.
   */
  subscribe(urls: ReadonlySet<string>, signal: AbortSignal): AsyncIterable<ImageStatusDto>;
  close(): Promise<void>;
}

/**
 * Keeps watched images fresh while webhooks are silent (or cannot arrive: no PUBLIC_URL): their
 * status is read from CarCutter, batched and rate-bounded, and changes are published as events.
 */
export interface ImageWatcher {
  /** Watches these URLs until the returned function is called (calling it again does nothing). */
  watch(urls: ReadonlySet<string>): () => void;
}
