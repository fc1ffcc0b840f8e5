import { describe, expect, it } from "vitest";
import {
  ConfigError,
  EMULATOR_DEFAULT_CARCUTTER_TOKEN,
  EMULATOR_DEFAULT_ONEAUTO_KEY,
  ENVIRONMENT_VARIABLES,
  loadConfig,
} from "../src/config.js";

describe("config", () => {
  it("an empty environment yields the documented emulator defaults", () => {
    const config = loadConfig({});
    expect(config.emulators.carcutter).toMatchObject({
      port: 4010,
      token: EMULATOR_DEFAULT_CARCUTTER_TOKEN,
      stepMs: 2000,
    });
    expect(config.emulators.oneauto).toEqual({
      port: 4020,
      apiKey: EMULATOR_DEFAULT_ONEAUTO_KEY,
      // At once (test/config-emulator-latency.test.ts).
      latencyMs: expect.objectContaining({ "GET /vehicleimagery/imagefromid": 0 }),
    });
  });

  it("empty strings count as unset", () => {
    const config = loadConfig({ CARCUTTER_EMULATOR_PORT: "", ONEAUTO_API_KEY: "" });
    expect(config.emulators.carcutter.port).toBe(4010);
    expect(config.emulators.oneauto.apiKey).toBe(EMULATOR_DEFAULT_ONEAUTO_KEY);
  });

  it("configured credentials are the ones the emulators accept", () => {
    const config = loadConfig({ CARCUTTER_API_TOKEN: "t-1", ONEAUTO_API_KEY: "k-1" });
    expect(config.emulators.carcutter.token).toBe("t-1");
    expect(config.emulators.oneauto.apiKey).toBe("k-1");
  });

  it("reports every invalid variable at once, naming each and its rule", () => {
    const problems = configErrorOf({
      CARCUTTER_EMULATOR_PORT: "70000",
      ONEAUTO_EMULATOR_PORT: "http",
      CARCUTTER_EMULATOR_STEP_MS: "0",
      CARCUTTER_EMULATOR_CREDITS: "-1",
    }).problems.join("\n");
    expect(problems.split("\n")).toHaveLength(4);
    expect(problems).toMatch(/CARCUTTER_EMULATOR_PORT: must be 0\.\.65535/);
    expect(problems).toMatch(/ONEAUTO_EMULATOR_PORT: must be a whole number/);
    expect(problems).toMatch(/CARCUTTER_EMULATOR_STEP_MS: must be greater than 0/);
    expect(problems).toMatch(/CARCUTTER_EMULATOR_CREDITS: must be 0 or more/);
  });

  it("never echoes a credential in its error", () => {
    const error = configErrorOf({
      CARCUTTER_API_TOKEN: "secret-token-123",
      CARCUTTER_EMULATOR_PORT: "x",
    });
    expect(error.message).toMatch(/CARCUTTER_EMULATOR_PORT/);
    expect(error.message).not.toContain("secret-token-123");
  });
});

describe("config of the gateway", () => {
  it("a CarCutter URL without token and customer names both missing variables", () => {
    const { problems } = configErrorOf({ CARCUTTER_BASE_URL: "https://api.car-cutter.com" });
    expect(problems).toEqual([
      "CARCUTTER_API_TOKEN: required when CARCUTTER_BASE_URL is set",
      "CARCUTTER_CUSTOMER: required when CARCUTTER_BASE_URL is set",
    ]);
  });

  it("a OneAuto URL without a key names ONEAUTO_API_KEY", () => {
    const { problems } = configErrorOf({ ONEAUTO_BASE_URL: "https://api.oneautoapi.com" });
    expect(problems).toEqual(["ONEAUTO_API_KEY: required when ONEAUTO_BASE_URL is set"]);
  });

  it.each(["CARCUTTER_BASE_URL", "ONEAUTO_BASE_URL", "PUBLIC_URL"])(
    "%s must be an absolute http(s) URL",
    (name) => {
      for (const value of ["ftp://api.example.com", "api.example.com", "javascript:alert(1)"]) {
        expect(configErrorOf({ [name]: value }).problems).toContain(
          `${name}: must be an absolute http(s) URL`,
        );
      }
    },
  );

  it("reports every gateway problem at once, each naming its variable", () => {
    const { problems } = configErrorOf({
      PORT: "99999",
      CARCUTTER_BASE_URL: "https://api.car-cutter.com",
      ONEAUTO_BASE_URL: "https://api.oneautoapi.com",
      PUBLIC_URL: "gateway.example.com",
      LOG_LEVEL: "loud",
      UPLOAD_MAX_BYTES: "0",
      RESULT_LINK_SECRET: "too-short",
      UPSTREAM_MAX_RETRIES: "-1",
      UPSTREAM_BREAKER_FAILURES: "0",
    });
    const named = problems.map((p) => p.slice(0, p.indexOf(":")));
    expect(named.sort()).toEqual(
      [
        "PORT",
        "PUBLIC_URL",
        "LOG_LEVEL",
        "UPLOAD_MAX_BYTES",
        "RESULT_LINK_SECRET",
        "UPSTREAM_MAX_RETRIES",
        "UPSTREAM_BREAKER_FAILURES",
        "CARCUTTER_API_TOKEN",
        "CARCUTTER_CUSTOMER",
        "ONEAUTO_API_KEY",
      ].sort(),
    );
    expect(problems).toContain("RESULT_LINK_SECRET: must be at least 32 characters");
    expect(problems).toContain("UPLOAD_MAX_BYTES: must be greater than 0");
  });

  it("real upstreams take the configured URLs (trailing slash dropped) and credentials", () => {
    const config = loadConfig({
      CARCUTTER_BASE_URL: "https://api.car-cutter.com/",
      CARCUTTER_API_TOKEN: "token-1",
      CARCUTTER_CUSTOMER: "customer-1",
      ONEAUTO_BASE_URL: "https://sandbox.oneautoapi.com",
      ONEAUTO_API_KEY: "key-1",
    });
    expect(config.upstreams.carcutter).toEqual({
      baseUrl: "https://api.car-cutter.com",
      token: "token-1",
      customer: "customer-1",
    });
    expect(config.upstreams.oneauto).toEqual({
      baseUrl: "https://sandbox.oneautoapi.com",
      apiKey: "key-1",
    });
  });

  it("upstream HTTP settings are overridden only where set; the breaker keeps its other default", () => {
    expect(loadConfig({}).upstreams.http).toEqual({});
    const { http } = loadConfig({
      UPSTREAM_MAX_RETRIES: "0",
      UPSTREAM_HEADERS_TIMEOUT_MS: "250",
      UPSTREAM_BREAKER_FAILURES: "7",
    }).upstreams;
    expect(http).toEqual({
      maxRetries: 0,
      headersTimeoutMs: 250,
      breaker: { consecutiveFailures: 7, halfOpenAfterMs: expect.any(Number) },
    });
  });
});

function configErrorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected loadConfig to reject this environment");
}

describe("documentation of the environment", () => {
  it("every variable the config reads is in the README's table and in .env.example", async () => {
    const { readFile } = await import("node:fs/promises");
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    const example = await readFile(new URL("../.env.example", import.meta.url), "utf8");
    expect(ENVIRONMENT_VARIABLES.length).toBeGreaterThan(20);
    for (const name of ENVIRONMENT_VARIABLES) {
      expect(readme, name).toContain(`| \`${name}\` |`);
      expect(example, name).toMatch(new RegExp(`^${name}=`, "m"));
    }
  });
});
