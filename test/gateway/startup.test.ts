import { execFileSync } from "node:child_process";
import { mkdtemp, open, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/emulators/clock.js";
import { type RunningEmulators, startEmulators } from "../../src/emulators/start.js";
import { type RunningServer, startServer } from "../../src/server.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { localServerConfig } from "../support/server.js";

/**
 * What `startServer` (npm start) does before it serves: which built-in emulators it starts, and
 * what a request that arrives while it is still starting gets.
 */

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "forecourt-startup-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A port held by something else, as another gateway's emulator would hold it. */
async function takenPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Stand-ins for the real upstreams, with credentials the gateway is configured with. */
async function upstreams(): Promise<RunningEmulators> {
  const config = loadConfig({
    CARCUTTER_EMULATOR_PORT: "0",
    ONEAUTO_EMULATOR_PORT: "0",
    CARCUTTER_API_TOKEN: "startup-token",
    CARCUTTER_CUSTOMER: "startup-customer",
    ONEAUTO_API_KEY: "startup-key",
  });
  const running = await startEmulators(config.emulators, { clock: new ManualClock() });
  cleanups.push(() => running.close());
  return running;
}

async function post(
  s: RunningServer,
  query: string,
): Promise<{ data?: unknown; errors?: unknown }> {
  const res = await fetch(`${s.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: unknown; errors?: unknown };
}

describe("built-in emulators", () => {
  it("with CARCUTTER_BASE_URL set and no ONEAUTO_BASE_URL, only OneAuto's starts: CarCutter's port is left alone", async () => {
    const real = await upstreams();
    const s = await startServer(
      localServerConfig({
        FORECOURT_DATA_DIR: await dataDir(),
        CARCUTTER_BASE_URL: real.carcutter.server.url,
        CARCUTTER_API_TOKEN: "startup-token",
        CARCUTTER_CUSTOMER: "startup-customer",
        CARCUTTER_EMULATOR_PORT: String(await takenPort()),
      }),
    );
    cleanups.push(() => s.close());
    expect(s.emulators?.carcutter).toBeUndefined();
    expect(s.emulators?.oneauto).toBeDefined();
    real.carcutter.emulator.control.reset();
    const body = await post(s, "{ vehiclesToShoot { vehicleId } }");
    expect(body.errors).toBeUndefined();
    expect(real.carcutter.emulator.control.count(CARCUTTER.shotlist.name)).toBe(1);
  });

  it("with ONEAUTO_BASE_URL set and no CARCUTTER_BASE_URL, only CarCutter's starts: OneAuto's port is left alone", async () => {
    const real = await upstreams();
    const s = await startServer(
      localServerConfig({
        FORECOURT_DATA_DIR: await dataDir(),
        ONEAUTO_BASE_URL: real.oneauto.server.url,
        ONEAUTO_API_KEY: "startup-key",
        ONEAUTO_EMULATOR_PORT: String(await takenPort()),
      }),
    );
    cleanups.push(() => s.close());
    expect(s.emulators?.oneauto).toBeUndefined();
    expect(s.emulators?.carcutter).toBeDefined();
    real.oneauto.emulator.control.reset();
    const body = await post(
      s,
      '{ stockSearch(input: { manufacturer: "BMW", modelRange: "3 Series", year: 2020 }) { manufacturer } }',
    );
    expect(body.errors).toBeUndefined();
    expect(real.oneauto.emulator.control.count(ONEAUTO.search.name)).toBe(1);
  });
});

describe("while starting", () => {
  it("a request answers 503 STARTING in JSON with Retry-After, and the same port serves once started", async () => {
    // The clients file is a named pipe: reading it waits until this test writes to it, which
    // holds the start between listening and serving for as long as the test needs.
    const dir = await dataDir();
    const clients = join(dir, "clients.json");
    execFileSync("mkfifo", [clients]);
    const port = await freePort();
    const starting = startServer(
      localServerConfig({ FORECOURT_DATA_DIR: dir, PORT: String(port), CLIENTS_PATH: clients }),
    );
    const url = `http://127.0.0.1:${port}`;
    const res = await firstAnswer(`${url}/graphql`);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]?.extensions.code).toBe("STARTING");
    expect(body.errors[0]?.message).toMatch(/starting/);

    const pipe = await open(clients, "w");
    await pipe.writeFile(JSON.stringify({ clients: [] }));
    await pipe.close();
    const s = await starting;
    cleanups.push(() => s.close());
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});

/** The first answer from `url` once something listens there (the emulators start first). */
async function firstAnswer(url: string): Promise<Response> {
  for (;;) {
    const res = await fetch(url, { method: "POST" }).catch(() => undefined);
    if (res) return res;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
