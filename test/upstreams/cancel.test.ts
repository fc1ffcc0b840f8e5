import { describe, expect, it } from "vitest";
import { Cancel } from "../../src/upstreams/cancel.js";

describe("Cancel", () => {
  it("tells every listener once, even when one of them throws, and the abort does not throw", () => {
    const cancel = new Cancel();
    const told: string[] = [];
    cancel.addEventListener("abort", () => told.push("first"));
    cancel.addEventListener("abort", () => {
      throw new Error("a listener's own failure");
    });
    cancel.addEventListener("abort", () => told.push("third"));
    const reason = new Error("out of time");
    expect(() => cancel.abort(reason)).not.toThrow();
    cancel.abort(new Error("again"));
    expect(told).toEqual(["first", "third"]);
    expect(cancel.aborted).toBe(true);
    expect(cancel.reason).toBe(reason);
    expect(() => cancel.throwIfAborted()).toThrow("out of time");
  });

  it("a removed listener is not told; without a reason, the reason is an AbortError", () => {
    const cancel = new Cancel();
    let told = 0;
    const listener = () => {
      told++;
    };
    cancel.addEventListener("abort", listener);
    cancel.removeEventListener("abort", listener);
    cancel.abort();
    expect(told).toBe(0);
    expect((cancel.reason as Error).name).toBe("AbortError");
  });
});
