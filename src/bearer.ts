import { createHash, timingSafeEqual } from "node:crypto";

/**
 * `Authorization: Bearer <secret>`, scheme case-insensitive, for the endpoints that one shared
 * secret guards (CarCutter's webhooks, /metrics). The presented and expected keys are hashed to
 * equal-length digests and compared with timingSafeEqual, so neither the comparison's time nor a
 * length check tells a caller how much of a guess was right.
 */
export function bearerCheck(secret: string): (header: string | null) => boolean {
  const expected = sha256(secret);
  return (header) => {
    const match = /^(\S+)[ \t]+(.*?)[ \t]*$/.exec(header ?? "");
    const presented = sha256(match?.[2] ?? "");
    // Compared whatever the scheme, so a wrong scheme costs the same time as a wrong key.
    const same = timingSafeEqual(presented, expected);
    return same && match?.[1]?.toLowerCase() === "bearer";
  };
}

/**
 * A key sent as a header value of its own (the router's x-router-key), compared as bearerCheck
 * compares: digests of equal length, in constant time. A missing header matches nothing.
 */
export function keyCheck(secret: string): (presented: string | null) => boolean {
  const expected = sha256(secret);
  return (presented) => {
    const same = timingSafeEqual(sha256(presented ?? ""), expected);
    return same && presented !== null;
  };
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
