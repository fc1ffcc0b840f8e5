import { describe, expect, it } from "vitest";
import type { CancelSignal } from "../../src/upstreams/cancel.js";
import { SingleFlight } from "../../src/upstreams/single-flight.js";

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("SingleFlight", () => {
  it("runs the work once for concurrent callers of a key and tells joiners they joined", async () => {
    const flights = new SingleFlight();
    const gate = deferred<string>();
    let runs = 0;
    const work = () => {
      runs += 1;
      return gate.promise;
    };
    const all = Promise.all([
      flights.run("k", work),
      flights.run("k", work),
      flights.run("k", work),
    ]);
    gate.resolve("v");
    const results = await all;
    expect(runs).toBe(1);
    expect(results.map((r) => r.value)).toEqual(["v", "v", "v"]);
    expect(results.map((r) => r.joined)).toEqual([false, true, true]);
    expect(flights.size).toBe(0);
  });

  it("prepares a value with `share` only when more than one caller gets it", async () => {
    const flights = new SingleFlight();
    const shared: string[] = [];
    const share = (value: string) => {
      shared.push(value);
      return `${value}!`;
    };
    const alone = await flights.run("a", async () => "one", undefined, share);
    const gate = deferred<string>();
    const both = Promise.all([
      flights.run("b", () => gate.promise, undefined, share),
      flights.run("b", () => gate.promise, undefined, share),
    ]);
    gate.resolve("two");
    expect(alone.value).toBe("one");
    expect((await both).map((r) => r.value)).toEqual(["two!", "two!"]);
    expect(shared).toEqual(["two"]);
  });

  it("shares a failure with every caller, then lets the next caller start afresh", async () => {
    const flights = new SingleFlight();
    const boom = new Error("boom");
    let runs = 0;
    const failing = async () => {
      runs += 1;
      throw boom;
    };
    const outcomes = await Promise.allSettled([
      flights.run("k", failing),
      flights.run("k", failing),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
    expect(runs).toBe(1);
    expect((await flights.run("k", async () => "later")).value).toBe("later");
  });

  it("keeps the work going for the callers still waiting when one gives up", async () => {
    const flights = new SingleFlight();
    const gate = deferred<string>();
    let workSignal: CancelSignal | undefined;
    const quitter = new AbortController();
    const first = flights.run(
      "k",
      (signal) => {
        workSignal = signal;
        return gate.promise;
      },
      quitter.signal,
    );
    const second = flights.run("k", () => Promise.resolve("unused"));
    const reason = new Error("client went away");
    quitter.abort(reason);
    await expect(first).rejects.toBe(reason);
    expect(workSignal?.aborted).toBe(false);
    gate.resolve("v");
    expect(await second).toEqual({ value: "v", joined: true });
  });

  it("aborts the work once every caller has given up, and forgets it", async () => {
    const flights = new SingleFlight();
    let workSignal: CancelSignal | undefined;
    const a = new AbortController();
    const b = new AbortController();
    const work = (signal: CancelSignal) => {
      workSignal = signal;
      return new Promise<string>((_, reject) =>
        signal.addEventListener("abort", () => reject(signal.reason)),
      );
    };
    const first = flights.run("k", work, a.signal);
    const second = flights.run("k", work, b.signal);
    await Promise.resolve();
    a.abort(new Error("a"));
    await expect(first).rejects.toThrow("a");
    expect(workSignal?.aborted).toBe(false);
    b.abort(new Error("b"));
    await expect(second).rejects.toThrow("b");
    expect(workSignal?.aborted).toBe(true);
    expect(flights.size).toBe(0);
  });

  it("refuses a caller whose signal has already aborted, without starting work", async () => {
    const flights = new SingleFlight();
    let runs = 0;
    const reason = new Error("already gone");
    await expect(
      flights.run(
        "k",
        async () => {
          runs += 1;
          return 1;
        },
        AbortSignal.abort(reason),
      ),
    ).rejects.toBe(reason);
    expect(runs).toBe(0);
  });
});
