import { defineConfig } from "@graphql-hive/gateway";
import { routerOptions } from "./router.js";

/**
 * Hive Gateway's configuration for the README's supergraph ("Join a supergraph"):
 *   FEDERATION_ROUTER_KEY=<the key Forecourt has> \
 *     npx hive-gateway supergraph examples/supergraph/supergraph.graphql \
 *       -c examples/supergraph/gateway.ts --port 4001
 */
const routerKey = process.env.FEDERATION_ROUTER_KEY;
if (!routerKey) {
  throw new Error(
    "FEDERATION_ROUTER_KEY: set it to the key Forecourt was started with (FEDERATION_ROUTER_KEY), which the router sends as x-router-key",
  );
}

export const gatewayConfig = defineConfig(routerOptions(routerKey));
