import { describe, expect, it } from "vitest";
import { parseHttpUrl } from "../src/http-url.js";

/** The rule as first written: whatever the WHATWG URL parser makes of it, http or https only. */
function byUrlObject(value: string): "ok" | "refused" {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? "ok" : "refused";
  } catch {
    return "refused";
  }
}

function outcome(value: string): "ok" | "refused" {
  try {
    expect(parseHttpUrl(value)).toBe(value); // returned exactly as given, never normalised
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return "refused";
  }
}

describe("parseHttpUrl", () => {
  // The fast path (a prefix and URL.canParse) must accept and refuse exactly what the URL object did.
  const values = [
    "https://cdn.example.com/photos/WAUZZZ8K000000001/front.jpg",
    "http://127.0.0.1:4100/a?b=c#d",
    "HTTPS://EXAMPLE.COM/X.JPG",
    "hTtP://example.com",
    "http://",
    "https://",
    "http://exa mple.com/",
    "http://[::1]:80/",
    "http://[::1/",
    "http:/one-slash.example.com",
    "http:no-slash.example.com",
    " https://leading-space.example.com/",
    "\thttps://tab.example.com/",
    "https://example.com/ trailing ",
    "ftp://example.com/x.jpg",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:image/png;base64,AAAA",
    "//example.com/x.jpg",
    "/relative/x.jpg",
    "",
    "https://user:pass@example.com/",
    "https://example.com:99999/",
    "https://ex%41mple.com/",
    "https://\u00e9xample.com/",
  ];
  it.each(values)("%j: the same verdict as a URL object", (value) => {
    expect(outcome(value)).toBe(byUrlObject(value));
  });

  it("names the rule it breaks", () => {
    expect(() => parseHttpUrl("ftp://example.com/x.jpg")).toThrow(
      'URL: must use http or https, got "ftp"',
    );
    expect(() => parseHttpUrl("http://[::1/")).toThrow("URL: must be an absolute http(s) URL");
    expect(() => parseHttpUrl(`https://example.com/${"a".repeat(2048)}`)).toThrow(
      "URL: at most 2048 characters",
    );
    expect(() => parseHttpUrl(42)).toThrow("URL: expected a string, got number");
  });
});
