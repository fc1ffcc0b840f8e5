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
   * Announces that a photo was submitted for a vehicle (its status as CarCutter answered the
   * submission), to the subscribers of its URL and of the vehicle, on every instance. Never rejects.
   */
  announceSubmission(status: ImageStatusDto, submission: ImageSubmission): Promise<void>;
  /**
   * Statuses of these URLs until `signal` aborts or the iterator is returned; with `vehicleId`,
   * also the submissions announced for that vehicle, whose URLs are followed from then on.
   * Listening starts when this is called, not at the first `next()`, so nothing published in
   * between is missed. A consumer slower than the events is given the latest status of each URL
   * (intermediate ones may be skipped, an announcement is never lost): a stalled client holds at
   * most one event per URL.
   */
  subscribe(
    urls: ReadonlySet<string>,
    signal: AbortSignal,
    vehicleId?: string,
  ): AsyncIterable<ImageEvent>;
  close(): Promise<void>;
}

/** Who submitted a photo for what, as the instance that submitted it tells the others. */
export interface ImageSubmission {
  vehicleId: string;
  /** ISO 8601: events travel as JSON between instances. */
  submittedAt: string;
}

/**
 * A status as subscribers receive it. `submission` is set when the status is the announcement of
 * a submission: the photo starts afresh there, whatever was reported of it before.
 */
export interface ImageEvent extends ImageStatusDto {
  submission?: ImageSubmission | undefined;
}

/**
 * Keeps watched images fresh while webhooks are silent (or cannot arrive: no PUBLIC_URL): their
 * status is read from CarCutter, batched and rate-bounded, and changes are published as events.
 */
export interface ImageWatcher {
  /** Watches these URLs until the returned function is called (calling it again does nothing). */
  watch(urls: ReadonlySet<string>): () => void;
}
