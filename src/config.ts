import { z } from "zod";

/**
 * The only reader of the environment. Every problem is reported at once so that a misconfigured
 * deployment is fixed in one edit, not one restart per variable.
 */

// Empty strings count as unset: `FOO=` in a .env file means "use the default", not "use ''".
const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

const port = (fallback: number) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? fallback : Number(v)),
    z.number().int("must be an integer").min(0, "must be 0..65535").max(65535, "must be 0..65535"),
  );

const positiveInt = (fallback: number) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? fallback : Number(v)),
    z.number().int("must be an integer").positive("must be greater than 0"),
  );

const nonNegativeInt = (fallback: number) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? fallback : Number(v)),
    z.number().int("must be an integer").min(0, "must be 0 or more"),
  );

/** The credentials the emulators accept when none are configured (and the gateway then sends). */
export const EMULATOR_DEFAULT_CARCUTTER_TOKEN = "emulator-carcutter-token";
export const EMULATOR_DEFAULT_ONEAUTO_KEY = "emulator-oneauto-key";
export const EMULATOR_DEFAULT_CUSTOMER = "forecourt-demo";

const envSchema = z.object({
  CARCUTTER_API_TOKEN: optionalString,
  CARCUTTER_CUSTOMER: optionalString,
  ONEAUTO_API_KEY: optionalString,
  CARCUTTER_EMULATOR_PORT: port(4010),
  ONEAUTO_EMULATOR_PORT: port(4020),
  CARCUTTER_EMULATOR_STEP_MS: positiveInt(2000),
  CARCUTTER_EMULATOR_CREDITS: nonNegativeInt(10_000),
  CARCUTTER_EMULATOR_RETENTION_MS: positiveInt(30 * 24 * 60 * 60 * 1000),
});

export interface EmulatorConfig {
  carcutter: {
    port: number;
    token: string;
    customer: string;
    stepMs: number;
    credits: number;
    retentionMs: number;
  };
  oneauto: { port: number; apiKey: string };
}

export interface Config {
  emulators: EmulatorConfig;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  return {
    emulators: {
      carcutter: {
        port: e.CARCUTTER_EMULATOR_PORT,
        token: e.CARCUTTER_API_TOKEN ?? EMULATOR_DEFAULT_CARCUTTER_TOKEN,
        customer: e.CARCUTTER_CUSTOMER ?? EMULATOR_DEFAULT_CUSTOMER,
        stepMs: e.CARCUTTER_EMULATOR_STEP_MS,
        credits: e.CARCUTTER_EMULATOR_CREDITS,
        retentionMs: e.CARCUTTER_EMULATOR_RETENTION_MS,
      },
      oneauto: {
        port: e.ONEAUTO_EMULATOR_PORT,
        apiKey: e.ONEAUTO_API_KEY ?? EMULATOR_DEFAULT_ONEAUTO_KEY,
      },
    },
  };
}
