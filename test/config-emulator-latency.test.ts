import { describe, expect, it } from "vitest";
import {
  ConfigError,
  EMULATOR_LATENCY_OPERATIONS,
  type LoadConfigOptions,
  loadConfig,
} from "../src/config.js";
import { CARCUTTER } from "../src/upstreams/carcutter/dto.js";
import { ONEAUTO } from "../src/upstreams/oneauto/dto.js";

/**
 * CARCUTTER_EMULATOR_LATENCY_MS and ONEAUTO_EMULATOR_LATENCY_MS: how long each emulator holds a
 * request, per operation. Unset, the emulators answer at once, except in a process a person runs
 * (`npm start`, `npm run emulators`: loadConfig's `demoLatency`) outside production.
 */

const latencyOf = (env: Record<string, string>, options?: LoadConfigOptions) => {
  const { carcutter, oneauto } = loadConfig(env, options).emulators;
  return { carcutter: carcutter.latencyMs, oneauto: oneauto.latencyMs };
};

const every = (names: readonly string[], ms: number) =>
  Object.fromEntries(names.map((name) => [name, ms]));

const NONE = {
  carcutter: every(EMULATOR_LATENCY_OPERATIONS.carcutter.api, 0),
  oneauto: { ...every(EMULATOR_LATENCY_OPERATIONS.oneauto.api, 0), "GET /cdn": 0 },
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error("expected loadConfig to reject this environment");
}

describe("emulator latency settings", () => {
  it("unset, every operation of both emulators answers at once, as tests and benchmarks need", () => {
    expect(latencyOf({})).toEqual(NONE);
    // What the test harness (test/support/gateway.ts) and bench/target.ts load.
    expect(latencyOf({ CARCUTTER_EMULATOR_PORT: "0", ONEAUTO_EMULATOR_PORT: "0" })).toEqual(NONE);
    expect(Object.keys(NONE.carcutter)).toHaveLength(Object.keys(CARCUTTER).length);
    expect(Object.keys(NONE.oneauto)).toHaveLength(Object.keys(ONEAUTO).length + 1);
  });

  it("unset in a process a person runs, the typical latencies: a stock link hundreds of ms, a vehicle record tens", () => {
    const { carcutter, oneauto } = latencyOf({}, { demoLatency: true });
    expect(oneauto[ONEAUTO.imageLink.name]).toBeGreaterThanOrEqual(300);
    expect(oneauto[ONEAUTO.imageLink.name]).toBeLessThanOrEqual(500);
    expect(oneauto[ONEAUTO.search.name]).toBeGreaterThanOrEqual(100);
    expect(carcutter[CARCUTTER.vehicle.name]).toBeGreaterThanOrEqual(10);
    expect(carcutter[CARCUTTER.vehicle.name]).toBeLessThan(100);
    expect(carcutter[CARCUTTER.submitImages.name]).toBeGreaterThanOrEqual(100);
    for (const ms of [...Object.values(carcutter), ...Object.values(oneauto)]) {
      expect(Number.isInteger(ms)).toBe(true);
    }
    // The object store behind the links is held only when named.
    expect(oneauto["GET /cdn"]).toBe(0);
  });

  it("in production, a process a person runs gets no latency by default (the peers' benchmark runs so)", () => {
    expect(latencyOf({ NODE_ENV: "production" }, { demoLatency: true })).toEqual(NONE);
  });

  it("one number holds every API operation; demo asks for the typical ones anywhere", () => {
    const { oneauto, carcutter } = latencyOf({
      ONEAUTO_EMULATOR_LATENCY_MS: "300",
      CARCUTTER_EMULATOR_LATENCY_MS: "demo",
      NODE_ENV: "production",
    });
    expect(oneauto).toEqual({
      ...every(EMULATOR_LATENCY_OPERATIONS.oneauto.api, 300),
      "GET /cdn": 0,
    });
    expect(carcutter).toEqual(latencyOf({}, { demoLatency: true }).carcutter);
  });

  it("a list changes only the operations it names; the others keep the default, or its first value", () => {
    const only = latencyOf({ ONEAUTO_EMULATOR_LATENCY_MS: "GET /vehicleimagery/imagefromid=1000" });
    expect(only.oneauto).toEqual({ ...NONE.oneauto, [ONEAUTO.imageLink.name]: 1000 });
    expect(only.carcutter).toEqual(NONE.carcutter);

    const demo = latencyOf({}, { demoLatency: true });
    const overDemo = latencyOf(
      { CARCUTTER_EMULATOR_LATENCY_MS: " GET  /vehicle/status = 5 ,, " },
      { demoLatency: true },
    );
    expect(overDemo.carcutter).toEqual({ ...demo.carcutter, [CARCUTTER.vehicle.name]: 5 });

    const quietButOne = latencyOf(
      { ONEAUTO_EMULATOR_LATENCY_MS: "0,GET /vehicleimagery/imagesearch=250,GET /cdn=40" },
      { demoLatency: true },
    );
    expect(quietButOne.oneauto).toEqual({
      ...NONE.oneauto,
      [ONEAUTO.search.name]: 250,
      "GET /cdn": 40,
    });
  });

  it("refuses bad values at load, each naming the variable and what it must be", () => {
    const problems = problemsOf({
      ONEAUTO_EMULATOR_LATENCY_MS: "fast,GET /vehicleimagery/imagefromid=-5,GET /nowhere=5",
      CARCUTTER_EMULATOR_LATENCY_MS:
        "120001,10,GET /vehicle/status=1,GET /vehicle/status=2,GET /vehicleimagery/imagefromid=3",
    });
    expect(problems).toHaveLength(7);
    const rule =
      'give a whole number of milliseconds 0..120000 for every operation, "demo" for typical ones, and/or "METHOD /path=ms" items separated by commas';
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ONEAUTO_EMULATOR_LATENCY_MS: "fast" is not milliseconds: give/),
        `ONEAUTO_EMULATOR_LATENCY_MS: "GET /vehicleimagery/imagefromid=-5": "-5" is not milliseconds: ${rule}, e.g. "GET /vehicleimagery/imagefromid=400,GET /vehicleimagery/imagesearch=250"`,
        expect.stringMatching(
          /^ONEAUTO_EMULATOR_LATENCY_MS: "GET \/nowhere=5": GET \/nowhere is not a OneAuto operation; one of: GET \/vehicleimagery\/imagesearch, .*GET \/cdn$/,
        ),
        expect.stringMatching(/^CARCUTTER_EMULATOR_LATENCY_MS: "120001" is not milliseconds/),
        // A refused value for every operation still counts as given.
        expect.stringMatching(
          /^CARCUTTER_EMULATOR_LATENCY_MS: "10": a value for every operation is given twice/,
        ),
        'CARCUTTER_EMULATOR_LATENCY_MS: "GET /vehicle/status=2": GET /vehicle/status is named twice',
        expect.stringMatching(
          /^CARCUTTER_EMULATOR_LATENCY_MS: "GET \/vehicleimagery\/imagefromid=3": GET \/vehicleimagery\/imagefromid is not a CarCutter operation/,
        ),
      ]),
    );
  });

  it("empty counts as unset", () => {
    expect(
      latencyOf({ ONEAUTO_EMULATOR_LATENCY_MS: "", CARCUTTER_EMULATOR_LATENCY_MS: "" }),
    ).toEqual(NONE);
  });
});
