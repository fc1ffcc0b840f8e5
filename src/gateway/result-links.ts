import type { Plugin } from "graphql-yoga";
import type { GatewayDeps } from "../context.js";
import { RESULT_PATH } from "../domains/image/result-links.js";
import { isUpstreamError } from "../errors.js";
import { onPath } from "./on-path.js";

/** Serves a signed result link: the processed photo, fetched from CarCutter with our token. */
export function useResultLinks(deps: Pick<GatewayDeps, "results" | "carcutter">): Plugin {
  return {
    onRequest: onPath(
      (url) => url.pathname === RESULT_PATH,
      async ({ request, url, endResponse }) => {
        if (request.method !== "GET") {
          endResponse(new Response("Use GET.", { status: 405, headers: { allow: "GET" } }));
          return;
        }
        const check = deps.results.check(url.searchParams);
        if (!check.ok) {
          endResponse(new Response(`Invalid result link: ${check.reason}.`, { status: 403 }));
          return;
        }
        try {
          const result = await deps.carcutter
            .forRequest({ signal: request.signal })
            .imageResult(check.imageUrl);
          const maxAge = Math.max(0, Math.floor((check.expiresAt - Date.now()) / 1000));
          endResponse(
            new Response(new Uint8Array(result.bytes), {
              headers: {
                "content-type": result.contentType,
                "cache-control": `private, max-age=${maxAge}`,
                // CORS answers differ by Origin: a copy cached for an <img> must not answer a fetch().
                vary: "Origin",
              },
            }),
          );
        } catch (error) {
          const status = isUpstreamError(error)
            ? (({ UPSTREAM_NOT_FOUND: 404, UPSTREAM_GONE: 410 } as Record<string, number>)[
                String(error.extensions.code)
              ] ?? 502)
            : 500;
          const message =
            status === 404
              ? "No processed result exists for this photo (yet)."
              : status === 410
                ? "CarCutter no longer keeps this result; resubmit the photo to process it again."
                : "The result could not be fetched from CarCutter; try again shortly.";
          endResponse(new Response(message, { status }));
        }
      },
    ),
  };
}
