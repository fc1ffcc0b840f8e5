import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed, expiring links to the gateway's own result endpoint. A browser can show a processed
 * photo with a plain <img src>, and the CarCutter token never leaves the gateway.
 *
 * A link is the same for every query within a window of a quarter of its lifetime (its expiry
 * is rounded down to the window), so a browser that shows the photo again finds it in its cache
 * instead of fetching a new URL; each link still stays valid for at least three quarters of
 * RESULT_LINK_TTL_SECONDS after it was handed out.
 */

export const RESULT_PATH = "/results/image";

export interface ResultLinksOptions {
  /** The gateway's public origin, e.g. https://forecourt.example.com */
  publicUrl: string;
  secret: string;
  ttlSeconds: number;
  now?: () => number;
}

export type ResultLinkCheck =
  | { ok: true; imageUrl: string; expiresAt: number }
  | { ok: false; reason: string };

export class ResultLinks {
  readonly #options: ResultLinksOptions;
  readonly #now: () => number;

  constructor(options: ResultLinksOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  linkFor(imageUrl: string): string {
    const { ttlSeconds } = this.#options;
    const window = Math.max(1, Math.floor(ttlSeconds / 4));
    const expires = Math.floor((this.#now() / 1000 + ttlSeconds) / window) * window;
    const link = new URL(RESULT_PATH, this.#options.publicUrl);
    link.searchParams.set("url", imageUrl);
    link.searchParams.set("expires", String(expires));
    link.searchParams.set("signature", this.#sign(imageUrl, expires));
    return link.toString();
  }

  check(params: URLSearchParams): ResultLinkCheck {
    const imageUrl = params.get("url");
    const expires = Number(params.get("expires"));
    const signature = params.get("signature") ?? "";
    if (!imageUrl || !Number.isInteger(expires)) {
      return { ok: false, reason: "url and expires are required" };
    }
    const expected = Buffer.from(this.#sign(imageUrl, expires));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: "signature does not match" };
    }
    if (expires * 1000 < this.#now())
      return { ok: false, reason: "link expired; query resultUrl again" };
    return { ok: true, imageUrl, expiresAt: expires * 1000 };
  }

  #sign(imageUrl: string, expires: number): string {
    return createHmac("sha256", this.#options.secret)
      .update(`${expires}\n${imageUrl}`)
      .digest("hex");
  }
}
