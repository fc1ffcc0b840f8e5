import { type GraphiQLOptions, type Plugin, shouldRenderGraphiQL } from "graphql-yoga";

/**
 * What a person who opens `/graphql` in a browser is told when GraphiQL is not served there
 * (production's default, or trusted-documents mode): that it is off, and how to turn it on,
 * rather than the 403 that CSRF prevention gives any other header-less GET.
 */

/** Why GraphiQL is not served: GRAPHIQL=false (production's default), or TRUSTED_DOCUMENTS_ONLY. */
export type GraphiQLOff = "configuration" | "trusted documents";

/** Why GraphiQL is off, or undefined when it is served. */
export function graphiqlOffFor(settings: {
  graphiql: boolean;
  trustedDocumentsOnly: boolean;
}): GraphiQLOff | undefined {
  if (settings.trustedDocumentsOnly) return "trusted documents";
  return settings.graphiql ? undefined : "configuration";
}

export function useGraphiQLOffPage(why: GraphiQLOff): Plugin {
  const page = offPage(why);
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== "/graphql" || !shouldRenderGraphiQL(request)) return;
      endResponse(
        new Response(page, {
          status: 200,
          headers: {
            "content-type": "text/html; charset=utf-8",
            "cache-control": "no-cache",
            "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; ${NO_FRAMING}`,
          },
        }),
      );
    },
  };
}

/** No other site may frame the page: clicks in it (Run, a mutation) must be the user's own. */
const NO_FRAMING = "frame-ancestors 'none'";

/**
 * GraphiQL's page as yoga renders it, told not to be framed: a page of another site could
 * otherwise show it in a frame and lead a visitor into running operations (clickjacking), the
 * more so since GraphiQL's requests pass CSRF prevention. Only the framing rule: GraphiQL's
 * inline scripts and styles need the rest open.
 */
export function useGraphiQLNoFraming(): Plugin {
  return {
    onResponse({ request, response }) {
      if (request.method !== "GET") return;
      if (!response.headers.get("content-type")?.startsWith("text/html")) return;
      if (new URL(request.url).pathname !== "/graphql") return;
      response.headers.set("content-security-policy", NO_FRAMING);
      response.headers.set("x-frame-options", "DENY");
    },
  };
}

/** The sentence the page, the start-up banner and the README share. */
export function graphiqlOffReason(why: GraphiQLOff): string {
  return why === "trusted documents"
    ? "GraphiQL is off: TRUSTED_DOCUMENTS_ONLY=true runs only the operations of the manifest, and GraphiQL sends whatever is typed into it."
    : "GraphiQL is off here (GRAPHIQL=false, the default with NODE_ENV=production). Set GRAPHIQL=true to serve it; that turns introspection on too, for its Docs pane, unless GRAPHQL_INTROSPECTION=false.";
}

function offPage(why: GraphiQLOff): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Forecourt: GraphiQL is off</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
</head><body>
<h1>GraphiQL is off</h1>
<p>${graphiqlOffReason(why)}</p>
<p>The GraphQL API itself answers here: POST JSON (<code>{"query": "…"}</code>) to <code>/graphql</code>. The schema is in the repository as <code>schema/schema.graphql</code>.</p>
</body></html>
`;
}

/**
 * The first tab's words when introspection is off beside GraphiQL (GRAPHIQL=true with
 * GRAPHQL_INTROSPECTION=false): its Docs pane and completion then have no schema to show, and
 * the tab says why rather than leaving "Error fetching schema" unexplained.
 */
export const INTROSPECTION_OFF_NOTE = `# Introspection is off here (GRAPHQL_INTROSPECTION=false), so the Docs pane and completion
# have no schema ("Error fetching schema"). Set GRAPHQL_INTROSPECTION=true for them, or read
# the committed schema (schema/schema.graphql). Operations still run.
`;

export const EXAMPLE_QUERY = `# Vehicles with their features and the photos submitted for them, with live status.
query Showroom {
  vehicles(first: 5) {
    edges {
      node {
        vehicleId
        manufacturer
        model
        color
        status
        features { title icon }
        images { url status phase resultUrl }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
  images(urls: [
    "https://images.forecourt-demo.example/WBA5R1C50KAE81715/front-left.jpg"
    "https://images.forecourt-demo.example/WBA5R1C50KAE81715/rear-right.jpg"
  ]) {
    url status phase quality resultAvailable resultUrl
  }
}
`;

/**
 * GraphiQL opening on the example; without introspection, its first tab says what is missing.
 * It sends a CSRF header with every request, its subscriptions (GETs) included, so that they run
 * wherever it is served: over plain HTTP to a LAN address a browser sends no Sec-Fetch-Site, and
 * a same-origin GET no Origin, so the same-origin rule (security.ts) cannot vouch for them there.
 */
export function graphiqlOptions(introspection: boolean): GraphiQLOptions {
  const query = introspection ? EXAMPLE_QUERY : `${INTROSPECTION_OFF_NOTE}${EXAMPLE_QUERY}`;
  return {
    title: "Forecourt",
    defaultQuery: query,
    defaultTabs: [{ query }],
    additionalHeaders: { "x-graphql-yoga-csrf": "graphiql" },
  };
}

/**
 * GraphiQL with its code inlined in the page (@graphql-yoga/render-graphiql), not loaded from a
 * public CDN: it works offline, behind a proxy, and wherever unpkg is out of reach. The page is
 * some 9 MB, so it is built once per set of options rather than per request; and its module holds
 * some 29 MB of heap, so it is imported when the first page is asked for, never by a gateway that
 * serves none (production).
 */
let renderedGraphiQL: { key: string; html: Promise<string> } | undefined;
export function renderLocalGraphiQL(options?: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options ?? {});
  if (renderedGraphiQL?.key !== key) {
    const html = import("@graphql-yoga/render-graphiql").then((m) => m.renderGraphiQL(options));
    renderedGraphiQL = { key, html };
  }
  return renderedGraphiQL.html;
}
