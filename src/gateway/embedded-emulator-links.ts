import type { Plugin } from "graphql-yoga";
import { onPath } from "./on-path.js";

/**
 * The built-in OneAuto emulator's signed links, served by the gateway that embeds it. In a
 * container or behind a proxy only the gateway's port is published, so links on the emulator's
 * own port (4020) would not load in a browser. When embedded, the emulator mints its links on
 * the gateway's public origin under this prefix, and the gateway hands each such request to the
 * emulator's app in process: the emulator still checks the signature and expiry, counts the
 * request, and answers as its object store does. The gateway's own calls to OneAuto still go to
 * the emulator over HTTP, like calls to the real API.
 */

export const EMBEDDED_LINKS_PREFIX = "/emulator/oneauto";

/** Where links of an emulator embedded in a gateway reachable at `publicUrl` point. */
export function embeddedLinkBase(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${EMBEDDED_LINKS_PREFIX}`;
}

export interface EmbeddedEmulatorApp {
  fetch(request: Request): Response | Promise<Response>;
}

/** Answers `<EMBEDDED_LINKS_PREFIX>/cdn/…` from the emulator's app; anything else passes on. */
export function useEmbeddedOneAutoLinks(emulator: EmbeddedEmulatorApp): Plugin {
  const cdn = `${EMBEDDED_LINKS_PREFIX}/cdn/`;
  return {
    onRequest: onPath(
      (url) => url.pathname.startsWith(cdn),
      async ({ request, url, endResponse }) => {
        const inner = new URL(url);
        inner.pathname = url.pathname.slice(EMBEDDED_LINKS_PREFIX.length);
        // Only what a GET of an object needs: the emulator must not see the gateway's body.
        const forwarded = new Request(inner, {
          method: request.method,
          headers: request.headers,
          signal: request.signal,
        });
        endResponse(await emulator.fetch(forwarded));
      },
    ),
  };
}
