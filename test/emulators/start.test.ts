import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { SEED_VEHICLES } from "../../src/emulators/carcutter/seed.js";
import { ManualClock } from "../../src/emulators/clock.js";
import { type RunningEmulators, startEmulators } from "../../src/emulators/start.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";

const config = loadConfig({
  CARCUTTER_EMULATOR_PORT: "0",
  ONEAUTO_EMULATOR_PORT: "0",
  CARCUTTER_API_TOKEN: "start-token",
  ONEAUTO_API_KEY: "start-key",
});

let running: RunningEmulators | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe("starting the emulators in-process", () => {
  it("serves both on free ports with the configured credentials, and stops cleanly", async () => {
    running = await startEmulators(config.emulators, { clock: new ManualClock() });
    const { carcutter, oneauto } = running;
    expect(carcutter.server.port).toBeGreaterThan(0);
    expect(oneauto.server.port).not.toBe(carcutter.server.port);

    const shotlist = await fetch(`${carcutter.server.url}/vehicle/shotlist`, {
      headers: { authorization: "Bearer start-token" },
    });
    expect(shotlist.status).toBe(200);
    const search = await fetch(
      `${oneauto.server.url}/vehicleimagery/imagesearch?manufacturer_desc=BMW&model_range_desc=3%20Series&manufactured_year=2020`,
      { headers: { "x-api-key": "start-key" } },
    );
    expect(search.status).toBe(200);
    expect(carcutter.emulator.control.count(CARCUTTER.shotlist.name)).toBe(1);
    expect(oneauto.emulator.control.count(ONEAUTO.search.name)).toBe(1);

    const urls = [carcutter.server.url, oneauto.server.url];
    await running.close();
    running = undefined;
    for (const url of urls) {
      await expect(fetch(`${url}/__emulator/requests`)).rejects.toThrow();
    }
  });

  it("at least three seeded CarCutter vehicles are known to OneAuto by VIN", async () => {
    running = await startEmulators(config.emulators, { clock: new ManualClock() });
    const known: string[] = [];
    for (const { vehicle_id } of SEED_VEHICLES) {
      const res = await fetch(
        `${running.oneauto.server.url}/vehicleimagery/imagesearchfromvin/?vehicle_identification_number=${vehicle_id}`,
        { headers: { "x-api-key": "start-key" } },
      );
      if (res.status === 200) known.push(vehicle_id);
      else expect(res.status).toBe(204);
    }
    expect(known.length).toBeGreaterThanOrEqual(3);
  });

  it("refuses to start on a port already taken, leaving nothing running", async () => {
    running = await startEmulators(config.emulators, { clock: new ManualClock() });
    const taken = loadConfig({
      CARCUTTER_EMULATOR_PORT: "0",
      ONEAUTO_EMULATOR_PORT: String(running.carcutter.server.port),
    });
    await expect(startEmulators(taken.emulators, { clock: new ManualClock() })).rejects.toThrow(
      /EADDRINUSE/,
    );
  });
});
