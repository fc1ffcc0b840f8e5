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
    expect(config.emulators.oneauto).toEqual({ port: 4020, apiKey: EMULATOR_DEFAULT_ONEAUTO_KEY });
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
    expect(problems).toMatch(/ONEAUTO_EMULATOR_PORT: /);
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
