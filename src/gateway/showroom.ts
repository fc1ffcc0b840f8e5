import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Plugin } from "graphql-yoga";

/**
 * The showroom (examples/showroom, built into SHOWROOM_DIR by `npm run build`) served at `/`
 * beside `/graphql`, so the quick start's first page is a real frontend. The build is read once
 * at start and served from memory: only `/`, `/index.html` and the files of `assets/` exist, so
 * no request path ever reaches the file system. Its assets carry a content hash in their names
 * and are cached for a year; the page itself is revalidated on every load.
 *
 * Without a build, or with the showroom off (production), `/` still answers: a short page that
 * says where the API is and how to get the showroom, instead of an empty 404.
 */

export interface ShowroomFiles {
  index: Buffer;
  assets: ReadonlyMap<string, { body: Buffer; type: string }>;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

/** The built app, or undefined when `dir` holds no build (index.html) yet. */
export async function loadShowroom(dir: string): Promise<ShowroomFiles | undefined> {
  let index: Buffer;
  try {
    index = await readFile(join(dir, "index.html"));
  } catch {
    return undefined;
  }
  const assets = new Map<string, { body: Buffer; type: string }>();
  const names = await readdir(join(dir, "assets")).catch(() => [] as string[]);
  for (const name of names) {
    const type = TYPES[name.slice(name.lastIndexOf("."))];
    if (type)
      assets.set(`/assets/${name}`, { body: await readFile(join(dir, "assets", name)), type });
  }
  return { index, assets };
}

/**
 * The page's own rules: its code and styles from here only, its API calls (HTTP and WebSocket)
 * to this origin, pictures from here (result links) and from anywhere over HTTP(S) (stock photo
 * links are OneAuto's).
 */
const SHOWROOM_CSP = [
  "default-src 'self'",
  "img-src 'self' data: https: http:",
  "connect-src 'self'",
  "style-src 'self'",
  "script-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

export interface ShowroomOptions {
  /** The build; undefined: `/` explains how to get it. */
  files: ShowroomFiles | undefined;
  /** Off (production by default): `/` says so, and serves no app. */
  enabled: boolean;
  /** Whether GraphiQL is served at /graphql, for the landing page's words. */
  graphiql: boolean;
}

export function useShowroom(options: ShowroomOptions): Plugin {
  const { files, enabled } = options;
  const landing = landingPage(options);
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      const path = url.pathname;
      if (path === "/" || path === "/index.html") {
        if (enabled && files) {
          endResponse(
            respond(request, files.index, {
              "content-type": "text/html; charset=utf-8",
              "cache-control": "no-cache",
              "content-security-policy": SHOWROOM_CSP,
              "x-content-type-options": "nosniff",
              "referrer-policy": "same-origin",
            }),
          );
        } else {
          endResponse(
            respond(request, Buffer.from(landing), {
              "content-type": "text/html; charset=utf-8",
              "cache-control": "no-cache",
              "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
            }),
          );
        }
        return;
      }
      if (!enabled || !files || !path.startsWith("/assets/")) return;
      const asset = files.assets.get(path);
      endResponse(
        asset
          ? respond(request, asset.body, {
              "content-type": asset.type,
              "cache-control": "public, max-age=31536000, immutable",
              "x-content-type-options": "nosniff",
            })
          : new Response("Not found: this showroom build has no such file.\n", {
              status: 404,
              headers: { "content-type": "text/plain; charset=utf-8" },
            }),
      );
    },
  };
}

function respond(request: Request, body: Buffer, headers: Record<string, string>): Response {
  return new Response(request.method === "HEAD" ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...headers, "content-length": String(body.byteLength) },
  });
}

function landingPage(options: ShowroomOptions): string {
  const why = !options.enabled
    ? "The showroom web app is off here (SHOWROOM=false, the default in production)."
    : "The showroom web app is not built: run <code>npm run build</code> (or <code>npm start</code>, which builds it), or set SHOWROOM_DIR to where it was built.";
  const api = options.graphiql
    ? '<a href="/graphql">/graphql</a> (open it in a browser for GraphiQL)'
    : "<code>/graphql</code>";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Forecourt</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
</head><body>
<h1>Forecourt</h1>
<p>The GraphQL API over CarCutter and OneAuto is at ${api}. Health: <a href="/health">/health</a>, readiness: <a href="/ready">/ready</a>.</p>
<p>${why}</p>
</body></html>
`;
}
