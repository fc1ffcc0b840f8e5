import type DataLoader from "dataloader";
import pLimit from "p-limit";
import { toError } from "../errors.js";

/** How many one-key reads a group of loaders keeps in flight: a big page opens no burst. */
export const READS_IN_FLIGHT = 8;

/**
 * Batch functions for DataLoaders over an upstream that reads one key per call (CarCutter's
 * vehicles and features, OneAuto's links and searches): a call per key, the loaders made from one
 * `callsPerKey()` sharing one bound of `concurrency` calls at a time, each failure the Error of its
 * own key.
 */
export function callsPerKey(concurrency = READS_IN_FLIGHT) {
  const limit = pLimit(concurrency);
  return <K, V>(read: (key: K) => Promise<V>): DataLoader.BatchLoadFn<K, V> =>
    (keys) =>
      Promise.all(keys.map((key) => limit(() => read(key)).catch(toError)));
}
