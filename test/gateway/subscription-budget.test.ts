import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { SEED_VEHICLES } from "../../src/emulators/carcutter/seed.js";
import {
  TempDirs,
  type TestClient,
  clientsFile as writeClientsFile,
} from "../support/clients-file.js";
import { type GatewayHarness, NO_CACHE_ENV, startGateway } from "../support/gateway.js";
import { present } from "../support/operations.js";
import { SseStream } from "../support/subscriptions.js";

/**
 * A subscription runs its selection on every event, outside any one operation's reservation: a
 * client with a daily budget may not open one whose selection could spend. Paid calls are counted
 * at the OneAuto emulator.
 */

const SEEDED = present(SEED_VEHICLES.find((v) => v.images.length > 0));
const PHOTO = present(SEEDED.images[0]).url;
const SPENDING = `subscription { imageUpdated(urls: ["${PHOTO}"]) { url vehicle { stockPhotos { url } } } }`;
const FREE = `subscription { imageUpdated(urls: ["${PHOTO}"]) { url status } }`;

const dirs = new TempDirs("forecourt-subscription-budget-");
afterAll(() => dirs.removeAll());
const clientsFile = (clients: readonly TestClient[]) => writeClientsFile(dirs, clients);

function open(h: GatewayHarness, query: string, key: string, signal: AbortSignal): SseStream {
  return new SseStream(
    h.fetch("/graphql", {
      method: "POST",
      signal,
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        "x-api-key": key,
      },
      body: JSON.stringify({ query }),
    }),
  );
}

const oneautoCalls = (h: GatewayHarness) =>
  Object.values(h.oneauto.control.counts()).reduce((sum, n) => sum + n, 0);

describe("subscriptions and daily budgets", () => {
  it("a client with a budget cannot open a subscription that could spend; one without paid fields, or a client without a budget, can", async () => {
    const budgeted: TestClient = { name: "dealer", key: `fc_${randomUUID()}`, pencePerDay: 200 };
    const unlimited: TestClient = { name: "backoffice", key: `fc_${randomUUID()}`, pencePerDay: 0 };
    const h = await startGateway({
      env: NO_CACHE_ENV,
      gatewayEnv: { CLIENTS_PATH: await clientsFile([budgeted, unlimited]) },
    });
    const streams: AbortController[] = [];
    const opened = (query: string, key: string) => {
      const controller = new AbortController();
      streams.push(controller);
      return open(h, query, key, controller.signal);
    };
    try {
      h.oneauto.control.reset();
      const refused = await opened(SPENDING, budgeted.key).next(10_000);
      expect(refused?.event).toBe("next");
      const answer = refused?.data as {
        data?: unknown;
        errors?: { message: string; extensions: Record<string, unknown> }[];
      };
      expect(answer.data).toBeUndefined();
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: "SUBSCRIPTION_SPEND_REFUSED",
        client: "dealer",
        pencePerDay: 200,
      });
      expect(answer.errors?.[0]?.extensions.perEventPence).toBeGreaterThan(0);
      expect(answer.errors?.[0]?.message).toMatch(/daily budget \(200p\)/);
      expect(oneautoCalls(h)).toBe(0);

      // The photo's status alone costs nothing: it runs, and its first event arrives.
      const free = await opened(FREE, budgeted.key).nexts(1);
      expect(free).toEqual([
        { data: { imageUpdated: { url: PHOTO, status: expect.any(String) } } },
      ]);
      expect(oneautoCalls(h)).toBe(0);

      // Without a budget there is nothing to spend around: the paid selection runs (this photo
      // was not submitted through the gateway, so its vehicle is unknown).
      const paid = await opened(SPENDING, unlimited.key).nexts(1);
      expect(paid).toEqual([{ data: { imageUpdated: { url: PHOTO, vehicle: null } } }]);
    } finally {
      for (const controller of streams) controller.abort();
      await h.close();
    }
  });
});
