import { type Plugin, useReadinessCheck } from "graphql-yoga";
import { useCarCutterWebhooks } from "../carcutter-webhooks.js";
import { isLoopbackContext } from "../client-plugin.js";
import { useEmbeddedOneAutoLinks } from "../embedded-emulator-links.js";
import { useGraphiQLNoFraming, useGraphiQLOffPage } from "../graphiql-page.js";
import { useMetricsEndpoint } from "../metrics-endpoint.js";
import { useResultLinks } from "../result-links.js";
import { useShowroom } from "../showroom.js";
import type { PipelinePlugin, PipelineSetup } from "./setup.js";

/**
 * Endpoints that are not GraphQL and are not observed: composed first, before the reporting phase,
 * so they are neither logged nor counted as requests.
 */
export function unobservedEndpoints(setup: PipelineSetup): PipelinePlugin[] {
  const { deps, logger, webhookSecret, metricsEndpoint } = setup;
  const { metrics } = deps;
  const plugins: PipelinePlugin[] = [
    // CarCutter's calls carry a bearer key of their own: answered before any GraphQL rule (CSRF,
    // the client gate) could refuse a plain POST.
    useCarCutterWebhooks({
      secret: webhookSecret,
      ledger: deps.ledger,
      events: deps.events,
      logger,
      ...(metrics ? { onResult: (result) => metrics.webhooks.inc({ result }) } : {}),
    }),
  ];
  // A scrape is not traffic: counting it would make every scrape move the request metrics.
  if (metrics && metricsEndpoint)
    plugins.push(
      useMetricsEndpoint({ metrics, ...metricsEndpoint, isLoopback: isLoopbackContext }),
    );
  return plugins;
}

/**
 * Endpoints served to people and probes: after the reporting phase (their requests are logged and
 * counted), before admission (none of them is GraphQL, so no client key, body limit or CSRF rule
 * applies; each checks what it needs itself).
 */
export function endpoints(setup: PipelineSetup): PipelinePlugin[] {
  const { showroom, graphiqlOff, oneautoEmulator, isReady, deps } = setup;
  // `/`: the showroom, or a landing page that links GraphiQL only where it is served.
  const plugins: PipelinePlugin[] = [useShowroom({ ...showroom, graphiql: !graphiqlOff })];
  // Before CSRF prevention, which would answer a browser's GET /graphql with a bare 403.
  if (graphiqlOff) plugins.push(useGraphiQLOffPage(graphiqlOff));
  // Where yoga serves GraphiQL: its page may not be framed by another site.
  else plugins.push(useGraphiQLNoFraming());
  // Links of the embedded emulator's photos, which only this port may publish (Docker).
  if (oneautoEmulator) plugins.push(useEmbeddedOneAutoLinks(oneautoEmulator));
  // Probes and signed links: answered from their path alone, with no client key.
  plugins.push(useReadyProbe(isReady));
  plugins.push(useResultLinks(deps));
  return plugins;
}

/**
 * Yoga's readiness check, asked only for `/ready`: on any other path it tests the URL against a
 * URLPattern (a polyfill on Node 20), which cost some 5 µs of every GraphQL request.
 */
function useReadyProbe(isReady: () => boolean | Promise<boolean>): Plugin {
  const probe = useReadinessCheck({ endpoint: "/ready", check: async () => isReady() });
  return {
    ...probe,
    onRequest(payload) {
      if (payload.url.pathname === "/ready") return probe.onRequest?.(payload);
    },
  };
}
