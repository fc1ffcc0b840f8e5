import DataLoader from "dataloader";
import { describe, expect, it } from "vitest";
import { callsPerKey } from "../../src/domains/call-per-key.js";

/** A read that counts how many run at once, and ends when told. */
function gatedReads() {
  let running = 0;
  let most = 0;
  const gates: (() => void)[] = [];
  const read = async (key: number): Promise<number> => {
    running++;
    most = Math.max(most, running);
    await new Promise<void>((resolve) => gates.push(resolve));
    running--;
    if (key < 0) throw new Error(`no such key ${key}`);
    return key * 10;
  };
  /** Lets every read there is, and every one that follows, end (the first after a tick). */
  const openAll = async () => {
    do {
      await new Promise((resolve) => setImmediate(resolve));
      for (const open of gates.splice(0)) open();
    } while (gates.length > 0 || running > 0);
  };
  return { read, openAll, most: () => most, running: () => running };
}

describe("callsPerKey", () => {
  it("keeps at most `concurrency` reads in flight across the loaders of one group, and answers every key", async () => {
    const reads = gatedReads();
    const perKey = callsPerKey(3);
    const a = new DataLoader(perKey(reads.read));
    const b = new DataLoader(perKey(reads.read));
    const answers = Promise.all([a.loadMany([1, 2, 3, 4, 5]), b.loadMany([6, 7, 8, 9])]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads.running()).toBe(3);
    await reads.openAll();
    expect(await answers).toEqual([
      [10, 20, 30, 40, 50],
      [60, 70, 80, 90],
    ]);
    expect(reads.most()).toBe(3);
  });

  it("a failing key is that key's Error; the others answer, and its slot is given back", async () => {
    const reads = gatedReads();
    const loader = new DataLoader(callsPerKey(1)(reads.read));
    const answers = loader.loadMany([1, -2, 3]);
    await reads.openAll();
    const [one, two, three] = await answers;
    expect(one).toBe(10);
    expect(two).toBeInstanceOf(Error);
    expect((two as Error).message).toBe("no such key -2");
    expect(three).toBe(30);
    expect(reads.most()).toBe(1);
    // The group's slot is free again: a later batch runs.
    const later = loader.load(4);
    await reads.openAll();
    expect(await later).toBe(40);
  });
});
