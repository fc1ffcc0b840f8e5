import { createServer } from "node:http";
import { createListingsSubgraph } from "./listings.js";

/**
 * The example listings subgraph on http://127.0.0.1:4002/graphql (LISTINGS_PORT to change it):
 *   npx tsx examples/dealer-listings/main.ts
 */
const port = Number(process.env.LISTINGS_PORT ?? 4002);
const host = process.env.LISTINGS_HOST ?? "127.0.0.1";
createServer(createListingsSubgraph()).listen(port, host, () => {
  console.log(`listings subgraph on http://${host}:${port}/graphql`);
});
