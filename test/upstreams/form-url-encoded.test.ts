import { describe, expect, it } from "vitest";
import { formUrlEncoded } from "../../src/upstreams/http.js";

/** What URLSearchParams writes: the encoding the upstream calls used before, and must keep. */
function reference(pairs: [string, string][]): string {
  return new URLSearchParams(pairs).toString();
}

describe("formUrlEncoded", () => {
  it("writes what URLSearchParams writes, for every character that differs between encoders", () => {
    const pairs: [string, string][] = [
      ["image_url", "https://cdn.example.com/a b/c+d.jpg?x=1&y=2#z"],
      ["image_url", "!'()~*-._ %/:?#[]@$&+,;=\"<>\\^`{|}"],
      ["vehicle_id", "WAUZZZ8K000000001"],
      ["q", "é日本\u{1F697}"],
      ["lone", "a\uD800b"],
      ["", ""],
      ["name with space", "tab\tand\nnewline"],
    ];
    expect(formUrlEncoded(pairs)).toBe(reference(pairs));
  });

  it("agrees on every code unit below 0x3000", () => {
    const pairs: [string, string][] = [];
    for (let c = 0; c < 0x3000; c += 1) pairs.push([`k${c}`, String.fromCharCode(c)]);
    expect(formUrlEncoded(pairs)).toBe(reference(pairs));
  });

  it("writes nothing for no pairs", () => {
    expect(formUrlEncoded([])).toBe("");
  });
});
