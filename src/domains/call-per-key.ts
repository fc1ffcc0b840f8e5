import type DataLoader from "dataloader";
import { toError } from "../errors.js";

/** How many one-key reads a group of loaders keeps in flight: a big page opens no burst. */
export const READS_IN_FLIGHT = 8;

/**
 * Batch functions for DataLoaders over an upstream that reads one key per call (CarCutter's
 * vehicles and features, OneAuto's links and searches): a call per key, the loaders made from one
 * `callsPerKey()` sharing one bound of `concurrency` calls at a time, each failure the Error of its
 * own key.
 *
 * The bound is a counter and a queue rather than p-limit: a group is made for every request that
 * touches its domain, and p-limit's instance (a queue, five property descriptors, three promises
 * per call) cost some 17 µs of a one-vehicle request, for a queue that one-vehicle requests never
 * use.
 */
export function callsPerKey(concurrency = READS_IN_FLIGHT) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    // The slot passes straight to the next read waiting, or is given back.
    if (next) next();
    else running--;
  };
  const bounded = async <V>(read: () => Promise<V>): Promise<V> => {
    if (running < concurrency) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await read();
    } finally {
      release();
    }
  };
  return <K, V>(read: (key: K) => Promise<V>): DataLoader.BatchLoadFn<K, V> =>
    (keys) =>
      Promise.all(keys.map((key) => bounded(() => read(key)).catch(toError)));
}
