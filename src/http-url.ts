/** A scheme that can only parse as http: or https: (URL lower-cases the scheme). */
const HTTP_PREFIX = /^https?:\/\//i;

/** Longest URL accepted; CarCutter identifies images by URL and nobody needs more than this. */
export const MAX_URL_LENGTH = 2048;

/**
 * Checks that a value is an absolute http(s) URL and returns it exactly as given: CarCutter
 * identifies an image by the exact string it was submitted with, so normalising would change
 * which image is meant. Throws TypeError so that graphql-js prefixes the message with the
 * argument or variable that carried the value.
 */
export function parseHttpUrl(value: unknown): string {
  if (typeof value !== "string") {
    throw new TypeError(`URL: expected a string, got ${typeof value}`);
  }
  if (value.length > MAX_URL_LENGTH) {
    throw new TypeError(`URL: at most ${MAX_URL_LENGTH} characters, got ${value.length}`);
  }
  // The common case without building a URL object: a 60-photo page parses 60 of them.
  if (HTTP_PREFIX.test(value) && URL.canParse(value)) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`URL: must be an absolute http(s) URL, got "${preview(value)}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`URL: must use http or https, got "${url.protocol.slice(0, -1)}"`);
  }
  return value;
}

function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
