import { Repeater } from "graphql-yoga";
import type { ImageEvents, ImageWatcher } from "../../events/image-events.js";
import type { LedgerEntry, SubmissionLedger } from "../../ledger/ledger.js";
import type { ImageLoaders } from "./image.loaders.js";
import { type Image, imageFromDto, isTerminal, progressOf } from "./image.model.js";

/**
 * The stream behind `Subscription.imageUpdated`: the current status of each watched photo, read
 * from CarCutter (the source of truth), then every change the events bring (webhooks, the poller;
 * identical consecutive states of a URL are sent once), until every watched photo is terminal
 * (for a URL-scoped stream) or the client leaves (for a vehicle's, which follows the photos
 * submitted for it after it started). While it runs, the poller keeps the photos that are not terminal fresh.
 *
 * It is a Repeater rather than an async generator on purpose: a generator waiting for the next
 * event cannot be returned until that event comes, and graphql-ws awaits `return()` when a client
 * completes a subscription or the socket closes. A Repeater's `return()` ends it at once, and its
 * cleanup (unwatch, unsubscribe) runs then, or when the request's signal aborts, or at the end.
 *
 * Reports can arrive out of order (a webhook delayed past the poller's read of a later state): a
 * report of a state further back than one already sent is dropped (progressOf), except the
 * announcement of a new submission, where the photo starts afresh.
 */

export interface ImageUpdatesRequest {
  vehicleId?: string | null | undefined;
  urls?: readonly string[] | null | undefined;
}

/** What the stream needs of the request's context. */
export interface ImageUpdatesDeps {
  ledger: Pick<SubmissionLedger, "byVehicle" | "get">;
  events: Pick<ImageEvents, "subscribe">;
  poller: ImageWatcher;
  /** Current statuses come from the request's loader, joined with the ledger like any other. */
  loaders: Pick<ImageLoaders, "imageStatusByUrl">;
  /** The request's signal: aborts when the client goes away. */
  signal: AbortSignal;
}

/**
 * Resolves once the watched set is known and its current statuses are read; rejects (a field
 * error, before the stream starts) when the ledger or CarCutter cannot be read. The watched set is
 * the given URLs and the photos recorded for `vehicleId` when this is called; with `vehicleId`,
 * every photo submitted for it afterwards (through any instance) joins it, and the stream stays
 * open until the client leaves. Without it, the stream ends once every watched photo is terminal.
 */
export async function openImageUpdates(
  request: ImageUpdatesRequest,
  deps: ImageUpdatesDeps,
): Promise<AsyncIterable<Image>> {
  const vehicleId = request.vehicleId ?? undefined;
  const known = new Map<string, Pick<LedgerEntry, "vehicleId" | "submittedAt">>();
  if (vehicleId) {
    for (const entry of await deps.ledger.byVehicle(vehicleId)) known.set(entry.url, entry);
  }
  const urls = new Set([...(request.urls ?? []), ...known.keys()]);
  if (urls.size === 0 && !vehicleId) return emptyStream();
  const others = [...urls].filter((url) => !known.has(url));
  if (others.length > 0) {
    // Only the vehicle and submission time come from here: without them the status still stands.
    const entries = await deps.ledger.get(others).catch(() => new Map<string, LedgerEntry>());
    for (const [url, entry] of entries) known.set(url, entry);
  }

  const done = new AbortController();
  const signal = AbortSignal.any([deps.signal, done.signal]);
  // Listening starts before the read, so a change between the two is not missed.
  const changes = deps.events.subscribe(urls, signal, vehicleId);
  let current: Image[];
  try {
    current = urls.size > 0 ? await readCurrent([...urls], deps) : [];
  } catch (error) {
    done.abort();
    throw error;
  }

  return new Repeater<Image>(async (push, stop) => {
    void stop.then(() => done.abort());
    const seen = new Map<string, { state: string; progress: number }>();
    /** URLs whose latest known state is not terminal (or not known at all). */
    const open = new Set(urls);
    const unwatches: (() => void)[] = [];
    const watch = (more: ReadonlySet<string>) => {
      if (more.size > 0) unwatches.push(deps.poller.watch(more));
    };
    /** Whether the image is news: neither what was last sent nor a stale report of the past. */
    const take = (image: Image, afresh: boolean): boolean => {
      const state = stateOf(image);
      const progress = progressOf(image);
      const last = seen.get(image.url);
      if (last && (last.state === state || (!afresh && progress < last.progress))) return false;
      seen.set(image.url, { state, progress });
      if (isTerminal(image.status)) open.delete(image.url);
      else open.add(image.url);
      return true;
    };
    const ended = () => !vehicleId && open.size === 0;
    for (const image of current) take(image, false);
    watch(new Set(open));
    try {
      for (const image of current) await push(image);
      if (ended() || signal.aborted) return;
      for await (const event of changes) {
        const { submission } = event;
        if (submission) {
          known.set(event.image, {
            vehicleId: submission.vehicleId,
            submittedAt: new Date(submission.submittedAt),
          });
        }
        const image = imageFromDto(event, known.get(event.image));
        const wasOpen = open.has(event.image);
        if (!take(image, submission !== undefined)) continue;
        // A photo that joined (or started again) is kept fresh by the poller too.
        if (!wasOpen && open.has(event.image)) watch(new Set([event.image]));
        await push(image);
        if (ended()) return;
      }
    } finally {
      for (const unwatch of unwatches) unwatch();
      done.abort();
      stop();
    }
  });
}

async function readCurrent(urls: readonly string[], deps: ImageUpdatesDeps): Promise<Image[]> {
  const images: Image[] = [];
  for (const item of await deps.loaders.imageStatusByUrl.loadMany(urls)) {
    if (item instanceof Error) throw item;
    // CarCutter left the URL out: its first state comes with the first event.
    if (item) images.push(item);
  }
  return images;
}

function stateOf(image: Image): string {
  return JSON.stringify([image.status, image.phase, image.quality]);
}

function emptyStream(): AsyncIterable<Image> {
  return new Repeater<Image>((_push, stop) => {
    stop();
  });
}
