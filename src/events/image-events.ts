import type { ImageStatusDto } from "../upstreams/carcutter/dto.js";

/**
 * Image status changes, from CarCutter's webhooks or the poller, to subscribers: in-process, or
 * through Redis so that an event received by one instance reaches subscribers on every instance.
 */
export interface ImageEvents {
  publish(status: ImageStatusDto): Promise<void>;
  /** Status changes of these URLs until `signal` aborts. */
  subscribe(urls: ReadonlySet<string>, signal: AbortSignal): AsyncIterable<ImageStatusDto>;
  close(): Promise<void>;
}

/**
 * Keeps watched images fresh while webhooks are silent (or cannot arrive: no PUBLIC_URL): their
 * status is read from CarCutter, batched and rate-bounded, and changes are published as events.
 */
export interface ImageWatcher {
  /** Watches these URLs until the returned function is called. */
  watch(urls: ReadonlySet<string>): () => void;
}
