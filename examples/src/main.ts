import { createForecourtClient } from "./client.js";
import { showroom } from "./showroom.js";

/**
 * Run against a gateway started with `npm start`:
 *   npx tsx examples/src/main.ts [http://127.0.0.1:4000/graphql]
 * With client keys on the gateway (CLIENTS_PATH), give this client's key:
 *   FORECOURT_API_KEY=<key> npx tsx examples/src/main.ts
 */
const url = process.argv[2] ?? "http://127.0.0.1:4000/graphql";
const apiKey = process.env.FORECOURT_API_KEY;
const client = createForecourtClient({ url, ...(apiKey ? { apiKey } : {}) });
const summary = await showroom(client, {
  vin: "WAUZZZ8K9BA123456",
  photoUrls: ["https://images.forecourt-demo.example/WAUZZZ8K9BA123456/front-left.jpg"],
  newPhotoUrls: [`https://photos.example.com/a4/${Date.now()}/front-left.jpg`],
});
console.log(JSON.stringify(summary, null, 2));
