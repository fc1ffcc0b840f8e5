import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Client, createClient } from "graphql-ws";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { attachGraphqlWs } from "../../src/gateway/graphql-ws.js";
import { sha256, trustedDocumentsFrom } from "../../src/gateway/trusted-documents.js";
import { STEP_MS } from "../support/emulators.js";
import {
  eventually,
  type SubscriptionHarness,
  startSubscriptionHarness,
  submit,
} from "../support/subscriptions.js";

const VIN = "WAUZZZ8K9BA123456";
const OK = "https://cdn.dealer.example/wauzzz/front-left.jpg";
const WATCH = `subscription Watch($vehicleId: String, $urls: [URL!]) {
  imageUpdated(vehicleId: $vehicleId, urls: $urls) { url status phase }
}`;

let h: SubscriptionHarness;
let server: Server;
let url: string;
let dispose: () => Promise<void>;
const clients: Client[] = [];

async function listen(options: Parameters<typeof attachGraphqlWs>[2] = {}) {
  server = createServer(h.yoga);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  url = `ws://127.0.0.1:${port}/graphql`;
  dispose = attachGraphqlWs(server, h.yoga, options);
}

function client(): Client {
  const created = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  clients.push(created);
  return created;
}

beforeEach(async () => {
  h = await startSubscriptionHarness();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
  await dispose();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

type Result = { data?: { imageUpdated: { url: string; status: string; phase: string } } | null };
const state = (r: Result | undefined) =>
  `${r?.data?.imageUpdated.status}/${r?.data?.imageUpdated.phase}`;

async function advance(steps: number) {
  h.cc.clock.advance(steps * STEP_MS);
  await h.poller.pollOnce();
}

describe("GraphQL over WebSocket (graphql-transport-ws)", () => {
  it("streams the current status, each change, and completes when the photo is terminal", async () => {
    await listen();
    await submit(h.client, h.ledger, VIN, [OK]);
    const results = client().iterate<Result["data"]>({
      query: WATCH,
      variables: { urls: [OK] },
    });
    const seen: string[] = [];
    const next = async () => {
      const item = await results.next();
      if (!item.done) seen.push(state(item.value as Result));
      return item;
    };
    await next();
    await eventually(() => h.poller.watchedCount === 1);
    await advance(1);
    await next();
    await advance(10);
    await next();
    expect(await results.next()).toEqual({ value: undefined, done: true });
    expect(seen).toEqual(["PROCESSING/DOWNLOADING", "PROCESSING/ANALYZING", "FINAL/READY"]);
    expect(h.poller.watchedCount).toBe(0);
    expect(h.events.subscriptionCount).toBe(0);
  });

  it("a client that completes the subscription early stops the watching at once", async () => {
    await listen();
    await submit(h.client, h.ledger, VIN, [OK]);
    const results = client().iterate({ query: WATCH, variables: { vehicleId: VIN } });
    await results.next();
    await eventually(() => h.poller.watchedCount === 1 && h.events.subscriptionCount === 1);
    // Nothing changes upstream meanwhile: the server must not wait for an event to clean up.
    await results.return?.();
    await eventually(() => h.poller.watchedCount === 0 && h.events.subscriptionCount === 0);
  });

  it("a socket that closes stops the watching of its subscriptions", async () => {
    await listen();
    await submit(h.client, h.ledger, VIN, [OK]);
    const c = client();
    const results = c.iterate({ query: WATCH, variables: { vehicleId: VIN } });
    await results.next();
    await eventually(() => h.poller.watchedCount === 1);
    await c.dispose();
    await eventually(() => h.poller.watchedCount === 0 && h.events.subscriptionCount === 0);
  });

  it("runs queries through the same schema and context", async () => {
    await listen();
    await submit(h.client, h.ledger, VIN, [OK]);
    const results = client().iterate({
      query: `{ image(url: "${OK}") { status vehicle { vehicleId } } }`,
    });
    const first = await results.next();
    expect(first.value).toMatchObject({ data: { image: { status: "PROCESSING" } } });
    expect(await results.next()).toEqual({ value: undefined, done: true });
  });

  it("invalid operations are refused with the validation errors", async () => {
    await listen();
    const results = client().iterate({ query: "subscription { imageUpdated { nope } }" });
    await expect(results.next()).rejects.toEqual([
      expect.objectContaining({ message: expect.stringMatching(/nope/) }),
    ]);
  });

  it("argument validation applies as over HTTP", async () => {
    await listen();
    const results = client().iterate({ query: "subscription { imageUpdated { url } }" });
    const first = await results.next();
    expect(first.value).toMatchObject({
      errors: [{ extensions: { code: "BAD_USER_INPUT" } }],
    });
  });

  it("with trusted documents, only the manifest's operations run, by hash or by text", async () => {
    const trusted = trustedDocumentsFrom({ [`sha256:${sha256(WATCH)}`]: WATCH });
    await listen({ trustedDocuments: trusted });
    await submit(h.client, h.ledger, VIN, [OK]);

    const untrusted = client().iterate({ query: `{ image(url: "${OK}") { status } }` });
    await expect(untrusted.next()).rejects.toEqual([
      expect.objectContaining({ extensions: { code: "TRUSTED_DOCUMENT_REQUIRED" } }),
    ]);
    const unknownHash = client().iterate({
      query: "",
      extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
    });
    await expect(unknownHash.next()).rejects.toEqual([
      expect.objectContaining({ extensions: { code: "TRUSTED_DOCUMENT_NOT_FOUND" } }),
    ]);

    const byHash = client().iterate({
      query: "",
      variables: { vehicleId: VIN },
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(WATCH) } },
    });
    expect(await byHash.next()).toMatchObject({ value: { data: { imageUpdated: { url: OK } } } });
    await byHash.return?.();
    const byText = client().iterate({ query: WATCH, variables: { vehicleId: VIN } });
    expect(await byText.next()).toMatchObject({ value: { data: { imageUpdated: { url: OK } } } });
    await byText.return?.();
  });

  it("dispose() closes open sockets and ends their subscriptions", async () => {
    await listen();
    await submit(h.client, h.ledger, VIN, [OK]);
    const results = client().iterate({ query: WATCH, variables: { vehicleId: VIN } });
    await results.next();
    await eventually(() => h.poller.watchedCount === 1);
    await dispose();
    await eventually(() => h.poller.watchedCount === 0 && h.events.subscriptionCount === 0);
    // Closed by the server as it goes away (1001), not dropped.
    await expect(results.next()).rejects.toMatchObject({ code: 1001 });
  });
});
