import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Logger } from "../../src/logger.js";
import { type RunningServer, startServer } from "../../src/server.js";
import { localServerConfig } from "../support/server.js";
import { SseStream } from "../support/subscriptions.js";

/**
 * `@skip`/`@include` on a subscription's root field: `@include(if: false)` was a 500 (the
 * executor had no field to subscribe to, and threw), and a condition on a variable a 400 that
 * blamed the variable, even when it was given. Both are refused in validation with one code,
 * as the GraphQL specification's "Single Root Field" rule says, over a JSON POST, Server-Sent
 * Events and graphql-ws alike.
 */

const VIN = "WAUZZZ8K9BA123456";
const CODE = "SUBSCRIPTION_ROOT_SKIP_INCLUDE";

const refused: [string, string, Record<string, unknown>][] = [
  [
    "@include(if: false)",
    `subscription { imageUpdated(vehicleId: "${VIN}") @include(if: false) { phase } }`,
    {},
  ],
  [
    "@skip(if: true)",
    `subscription { imageUpdated(vehicleId: "${VIN}") @skip(if: true) { phase } }`,
    {},
  ],
  [
    "@include(if: $x) with x false",
    `subscription S($x: Boolean!) { imageUpdated(vehicleId: "${VIN}") @include(if: $x) { phase } }`,
    { x: false },
  ],
  [
    "@skip(if: $x) with x false, on a fragment at the root",
    `subscription S($x: Boolean!) { ...Watch } fragment Watch on Subscription { imageUpdated(vehicleId: "${VIN}") @skip(if: $x) { phase } }`,
    { x: false },
  ],
];

describe("a subscription's root field under @skip or @include", () => {
  let server: RunningServer;
  let dataDir: string;
  const errorsLogged: unknown[] = [];
  const logger: Logger = {
    info() {},
    warn() {},
    debug() {},
    error: (...args: unknown[]) => {
      errorsLogged.push(args);
    },
  } as unknown as Logger;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "forecourt-subscription-root-"));
    server = await startServer(localServerConfig({ FORECOURT_DATA_DIR: dataDir }), { logger });
  });
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const post = (query: string, variables: Record<string, unknown>, accept: string) =>
    fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept },
      body: JSON.stringify({ query, variables }),
    });

  it.each(refused)("%s is a 400 naming the rule over a JSON POST", async (_, query, variables) => {
    const response = await post(query, variables, "application/json");
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(errors).toHaveLength(1);
    expect(errors[0]?.extensions.code).toBe(CODE);
    expect(errors[0]?.message).toMatch(/root selection.*Single Root Field/);
  });

  it.each(refused)(
    "%s is a 400 naming the rule over Server-Sent Events",
    async (_, query, variables) => {
      const stream = new SseStream(post(query, variables, "text/event-stream"));
      expect(await stream.status()).toBe(400);
      const event = await stream.next();
      expect(event?.event).toBe("next");
      expect(event?.data).toMatchObject({ errors: [{ extensions: { code: CODE } }] });
      expect(await stream.next()).toMatchObject({ event: "complete" });
    },
  );

  it.each(refused)(
    "%s is an error naming the rule over graphql-ws",
    async (_, query, variables) => {
      const client = createClient({
        url: `${server.url.replace(/^http/, "ws")}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
      try {
        const outcome = await new Promise<unknown>((resolve) => {
          client.subscribe(
            { query, variables },
            {
              next: (value) => resolve({ next: value }),
              error: (error) => resolve({ error }),
              complete: () => resolve("complete"),
            },
          );
        });
        expect(outcome).toMatchObject({ error: [{ extensions: { code: CODE } }] });
      } finally {
        await client.dispose();
      }
    },
  );

  it("a directive below the root field is the client's to use: the subscription streams", async () => {
    const stream = new SseStream(
      post(
        `subscription { imageUpdated(vehicleId: "${VIN}") { url phase @skip(if: true) } }`,
        {},
        "text/event-stream",
      ),
    );
    expect(await stream.status()).toBe(200);
    await stream.cancel();
  });

  it("nothing was logged as an unexpected error", () => {
    expect(errorsLogged).toEqual([]);
  });
});
