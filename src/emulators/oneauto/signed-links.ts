import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { formatAmzDate, LINK_LIFETIME_SECONDS, parseAmzDate } from "../../upstreams/oneauto/dto.js";

/**
 * Links that look and behave like the pre-signed object-store URLs OneAutoAPI hands out: an
 * AWS SigV4-style query string, valid for `X-Amz-Expires` seconds from `X-Amz-Date`. The signature
 * is an HMAC over the method, path and every other query parameter, so changing any of them
 * (colour, date, lifetime) breaks the link as it would on S3. It is not real SigV4; it only has to
 * be unforgeable without the emulator's secret.
 */

/** A made-up access key id in the shape of a real one (AKIA + 16). */
export const EMULATOR_ACCESS_KEY_ID = "AKIAEMULATOR00000000";
export const LINK_REGION = "eu-west-2";
export const LINK_PATH_PREFIX = "/cdn/vehicleimagery/";

export type LinkBackground = "transparent" | "opaque";

/** What a link points at; every part is in its path, so the served colour is visible to callers. */
export interface LinkTarget {
  imageId: string;
  colourSlug: string;
  background: LinkBackground;
}

const SIGNATURE = "X-Amz-Signature";
const REQUIRED = [
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-Date",
  "X-Amz-Expires",
  "X-Amz-SignedHeaders",
  SIGNATURE,
] as const;
const ALGORITHM = "AWS4-HMAC-SHA256";

export function linkPath(target: LinkTarget): string {
  return `${LINK_PATH_PREFIX}${encodeRfc3986(target.imageId)}/${encodeRfc3986(target.colourSlug)}/${target.background}.png`;
}

export function parseLinkPath(pathname: string): LinkTarget | undefined {
  const match = /^\/cdn\/vehicleimagery\/([^/]+)\/([^/]+)\/(transparent|opaque)\.png$/.exec(
    pathname,
  );
  if (!match) return undefined;
  const [, imageId, colourSlug, background] = match;
  if (imageId === undefined || colourSlug === undefined) return undefined;
  if (background !== "transparent" && background !== "opaque") return undefined;
  const decodedId = safeDecode(imageId);
  const decodedColour = safeDecode(colourSlug);
  if (decodedId === undefined || decodedColour === undefined) return undefined;
  return { imageId: decodedId, colourSlug: decodedColour, background };
}

export interface SignOptions {
  secret: string;
  /** Epoch ms; becomes X-Amz-Date at second precision. */
  now: number;
}

/**
 * A full link on `origin` (e.g. `http://127.0.0.1:4020`) to `target`, signed at `now`. `origin`
 * may end in a path prefix that a proxy strips before the emulator sees the request (the
 * gateway's EMBEDDED_LINKS_PREFIX): only the path from `/cdn/` on is signed.
 */
export function signLink(origin: string, target: LinkTarget, options: SignOptions): string {
  const date = formatAmzDate(options.now);
  const params: [string, string][] = [
    ["X-Amz-Algorithm", ALGORITHM],
    [
      "X-Amz-Credential",
      `${EMULATOR_ACCESS_KEY_ID}/${date.slice(0, 8)}/${LINK_REGION}/s3/aws4_request`,
    ],
    ["X-Amz-Date", date],
    ["X-Amz-Expires", String(LINK_LIFETIME_SECONDS)],
    ["X-Amz-SignedHeaders", "host"],
  ];
  const path = linkPath(target);
  const signature = signatureOf(options.secret, path, params);
  const signed: [string, string][] = [...params, [SIGNATURE, signature]];
  const query = signed.map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`).join("&");
  return `${origin}${path}?${query}`;
}

/** How S3 would answer the link: the XML error it sends, or nothing when the link is good. */
export type LinkCheck =
  | { ok: true }
  | {
      ok: false;
      status: 400 | 403;
      code: "AccessDenied" | "AuthorizationQueryParametersError" | "SignatureDoesNotMatch";
      message: string;
      /** Extra elements S3 adds to the error document, in order. */
      details: [string, string][];
    };

export function checkLink(url: URL, options: SignOptions): LinkCheck {
  const entries = [...url.searchParams];
  const present = new Set(entries.map(([k]) => k));
  if (!REQUIRED.some((name) => present.has(name))) {
    // A private bucket answers an unsigned request like any anonymous one.
    return { ok: false, status: 403, code: "AccessDenied", message: "Access Denied", details: [] };
  }
  const signature = url.searchParams.get(SIGNATURE) ?? "";
  const date = parseAmzDate(url.searchParams.get("X-Amz-Date") ?? "");
  const expiresText = url.searchParams.get("X-Amz-Expires") ?? "";
  const expires = /^\d{1,7}$/.test(expiresText) ? Number(expiresText) : undefined;
  if (
    !REQUIRED.every((name) => present.has(name)) ||
    date === undefined ||
    expires === undefined ||
    expires < 1 ||
    expires > LINK_LIFETIME_SECONDS
  ) {
    return {
      ok: false,
      status: 400,
      code: "AuthorizationQueryParametersError",
      message:
        "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
      details: [],
    };
  }
  const unsigned = entries.filter(([k]) => k !== SIGNATURE);
  const expected = signatureOf(options.secret, url.pathname, unsigned);
  if (!sameText(expected, signature)) {
    return {
      ok: false,
      status: 403,
      code: "SignatureDoesNotMatch",
      message:
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
      details: [["AWSAccessKeyId", EMULATOR_ACCESS_KEY_ID]],
    };
  }
  const expiresAt = date + expires * 1000;
  if (options.now > expiresAt) {
    return {
      ok: false,
      status: 403,
      code: "AccessDenied",
      message: "Request has expired",
      details: [
        ["X-Amz-Expires", String(expires)],
        ["Expires", isoSeconds(expiresAt)],
        ["ServerTime", isoSeconds(options.now)],
      ],
    };
  }
  return { ok: true };
}

/** S3's error document, with a fresh request id as S3 gives one per request. */
export function s3ErrorXml(code: string, message: string, details: [string, string][]): string {
  const elements = [
    ["Code", code],
    ["Message", message],
    ...details,
    ["RequestId", randomBytes(8).toString("hex").toUpperCase()],
    ["HostId", randomBytes(32).toString("base64")],
  ]
    .map(([name, value]) => `<${name}>${escapeXml(value ?? "")}</${name}>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${elements}</Error>`;
}

/**
 * The parameters are sorted and re-encoded, as SigV4 canonicalises them, so a client that
 * reorders the query string or encodes it differently still holds a valid link.
 */
function signatureOf(secret: string, path: string, params: readonly [string, string][]): string {
  const canonicalQuery = params
    .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)] as const)
    .sort(([ak, av], [bk, bv]) => compare(ak, bk) || compare(av, bv))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  return createHmac("sha256", secret)
    .update(["GET", path, canonicalQuery].join("\n"))
    .digest("hex");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
