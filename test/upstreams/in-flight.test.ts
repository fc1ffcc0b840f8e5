import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import type { CancelSignal } from "../../src/upstreams/cancel.js";
import { InFlight } from "../../src/upstreams/in-flight.js";

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

/** Work that counts its runs and answers once `gate` is opened. */
function gated<T>() {
  const gate = deferred<T>();
  let runs = 0;
  return {
    gate,
    runs: () => runs,
    work: () => {
      runs += 1;
      return gate.promise;
    },
  };
}

describe("InFlight: the one rule for work shared across requests", () => {
  it("a value handed to more than one caller is frozen to its leaves, and the same for all", async () => {
    const inFlight = new InFlight();
    const { gate, work, runs } = gated<{ list: { name: string }[] }>();
    const both = Promise.all([inFlight.read("k", work), inFlight.read("k", work)]);
    gate.resolve({ list: [{ name: "a" }] });
    const [first, second] = await both;
    expect(runs()).toBe(1);
    expect([first.joined, second.joined]).toEqual([false, true]);
    expect(second.value).toBe(first.value);
    expect(() => {
      first.value.list.push({ name: "b" });
    }).toThrow(TypeError);
    expect(() => {
      (second.value.list[0] as { name: string }).name = "changed";
    }).toThrow(TypeError);
  });

  it("a value only one caller gets is handed over as it is", async () => {
    const inFlight = new InFlight();
    const { value } = await inFlight.read("k", async () => ({ list: [1] }));
    expect(Object.isFrozen(value)).toBe(false);
  });

  it("a read that starts after a write returned never joins one from before it, a failed write too", async () => {
    const inFlight = new InFlight();
    const early = gated<string>();
    const first = inFlight.read("k", early.work);
    await expect(inFlight.write(Promise.reject(new Error("cut off")))).rejects.toThrow("cut off");
    expect(inFlight.generation).toBe(1);
    const late = inFlight.read("k", async () => "after the write");
    expect(await late).toEqual({ value: "after the write", joined: false });
    early.gate.resolve("before the write");
    expect(await first).toEqual({ value: "before the write", joined: false });
    expect(inFlight.keyOf("k")).toBe("1\nk");
  });

  it("off: every caller runs its own work, with its own signal", async () => {
    const inFlight = new InFlight({ enabled: false });
    const mine = new AbortController();
    const signals: (CancelSignal | undefined)[] = [];
    const work = async (signal: CancelSignal | undefined) => {
      signals.push(signal);
      return { n: signals.length };
    };
    const results = await Promise.all([
      inFlight.read("k", work, mine.signal),
      inFlight.read("k", work),
    ]);
    expect(results).toEqual([
      { value: { n: 1 }, joined: false },
      { value: { n: 2 }, joined: false },
    ]);
    expect(signals).toEqual([mine.signal, undefined]);
    expect(Object.isFrozen(results[0]?.value)).toBe(false);
  });

  it.each(["UPSTREAM_CALL_LIMIT_EXCEEDED", "BUDGET_EXHAUSTED"])(
    "the first caller's own refusal (%s) fails it alone: a caller that joined does the work itself",
    async (code) => {
      const inFlight = new InFlight();
      const failure = new GraphQLError("over its cap", { extensions: { code } });
      let own = 0;
      const first = inFlight.read("k", async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        throw failure;
      });
      const joined = inFlight.read("k", async () => {
        own += 1;
        return "its own";
      });
      await expect(first).rejects.toBe(failure);
      expect(await joined).toEqual({ value: "its own", joined: false });
      expect(own).toBe(1);
    },
  );

  it("after the first caller's own refusal, the callers that joined read once between them, not once each", async () => {
    const inFlight = new InFlight();
    const failure = new GraphQLError("over its cap", {
      extensions: { code: "UPSTREAM_CALL_LIMIT_EXCEEDED" },
    });
    let own = 0;
    const first = inFlight.read("k", async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw failure;
    });
    const work = async () => {
      own += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { read: "again" };
    };
    const joined = [inFlight.read("k", work), inFlight.read("k", work), inFlight.read("k", work)];
    await expect(first).rejects.toBe(failure);
    const results = await Promise.all(joined);
    expect(own).toBe(1);
    expect(results.map((r) => r.joined).sort()).toEqual([false, true, true]);
    expect(results.every((r) => r.value === results[0]?.value)).toBe(true);
  });

  it("any other failure is the read's, shared by every caller that joined", async () => {
    const inFlight = new InFlight();
    const failure = new GraphQLError("unavailable", {
      extensions: { code: "UPSTREAM_UNAVAILABLE" },
    });
    let runs = 0;
    const work = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw failure;
    };
    const outcomes = await Promise.allSettled([inFlight.read("k", work), inFlight.read("k", work)]);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
    expect(runs).toBe(1);
  });
});
