import { Repeater } from "graphql-yoga";
import type { ImageEvents, ImageWatcher } from "../../events/image-events.js";
import type { LedgerEntry, SubmissionLedger } from "../../ledger/ledger.js";
import type { ImageLoaders } from "./image.loaders.js";
import { type Image, imageFromDto, isTerminal } from "./image.model.js";

/**
 * The stream behind `Subscription.imageUpdated`: the current status of each watched photo, read
 * from CarCutter (the source of truth), then every change the events bring (webhooks, the poller;
 * identical consecutive states of a URL are sent once), until every watched photo is terminal.
 * While it runs, the poller keeps the photos that are not terminal fresh.
 *
 * It is a Repeater rather than an async generator on purpose: a generator waiting for the next
 * event cannot be returned until that event comes, and graphql-ws awaits `return()` when a client
 * completes a subscription or the socket closes. A Repeater's `return()` ends it at once, and its
 * cleanup (unwatch, unsubscribe) runs then, or when the request's signal aborts, or at the end.
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
 * the given URLs and the photos recorded for `vehicleId` when this is called.
 */
export async function openImageUpdates(
  request: ImageUpdatesRequest,
  deps: ImageUpdatesDeps,
): Promise<AsyncIterable<Image>> {
  const known = new Map<string, LedgerEntry>();
  if (request.vehicleId) {
    for (const entry of await deps.ledger.byVehicle(request.vehicleId)) known.set(entry.url, entry);
  }
  const urls = new Set([...(request.urls ?? []), ...known.keys()]);
  if (urls.size === 0) return emptyStream();
  const others = [...urls].filter((url) => !known.has(url));
  if (others.length > 0) {
    // Only the vehicle and submission time come from here: without them the status still stands.
    const entries = await deps.ledger.get(others).catch(() => new Map<string, LedgerEntry>());
    for (const [url, entry] of entries) known.set(url, entry);
  }

  const done = new AbortController();
  const signal = AbortSignal.any([deps.signal, done.signal]);
  // Listening starts before the read, so a change between the two is not missed.
  const changes = deps.events.subscribe(urls, signal);
  let current: Image[];
  try {
    current = await readCurrent([...urls], deps);
  } catch (error) {
    done.abort();
    throw error;
  }

  return new Repeater<Image>(async (push, stop) => {
    void stop.then(() => done.abort());
    const latest = new Map<string, string>();
    /** URLs whose latest known state is not terminal (or not known at all). */
    const open = new Set(urls);
    const take = (image: Image): boolean => {
      const state = stateOf(image);
      if (latest.get(image.url) === state) return false;
      latest.set(image.url, state);
      if (isTerminal(image.status)) open.delete(image.url);
      else open.add(image.url);
      return true;
    };
    for (const image of current) take(image);
    const unwatch = open.size > 0 ? deps.poller.watch(new Set(open)) : () => {};
    try {
      for (const image of current) await push(image);
      if (open.size === 0 || signal.aborted) return;
      for await (const status of changes) {
        const image = imageFromDto(status, known.get(status.image));
        if (!take(image)) continue;
        await push(image);
        if (open.size === 0) return;
      }
    } finally {
      unwatch();
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
