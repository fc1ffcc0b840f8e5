import type { ExecutionResult } from "graphql";
import { loadConfig } from "../../src/config.js";
import type { ManualClock } from "../../src/emulators/clock.js";
import { type RunningEmulators, startEmulators } from "../../src/emulators/start.js";
import { createRuntime, type Runtime } from "../../src/server.js";

/**
 * A gateway over freshly started emulators (port 0), called through `gateway.fetch`: a full
 * HTTP request/response round trip without a listening gateway port.
 */

export interface GatewayHarness {
  runtime: Runtime;
  emulators: RunningEmulators;
  carcutter: RunningEmulators["carcutter"]["emulator"];
  oneauto: RunningEmulators["oneauto"]["emulator"];
  /** Runs an operation as JSON and returns the parsed body and HTTP status. */
  execute<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<ExecutionResult<TData> & { status: number }>;
  /** Sends any request to the gateway. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export const GATEWAY_ORIGIN = "http://gateway.test";

export interface HarnessOptions {
  clock?: ManualClock;
  /** Environment overrides, as the process would read them. */
  env?: Record<string, string>;
  /**
   * Overrides for the gateway only, on top of `env`; the emulators keep `env` alone. This is how a
   * gateway gets credentials (or a customer) other than the ones the emulators accept.
   */
  gatewayEnv?: Record<string, string>;
  seed?: boolean;
}

export async function startGateway(options: HarnessOptions = {}): Promise<GatewayHarness> {
  const env = {
    CARCUTTER_EMULATOR_PORT: "0",
    ONEAUTO_EMULATOR_PORT: "0",
    // Fast retries keep fault tests quick; the counts are what matter.
    UPSTREAM_RETRY_BASE_DELAY_MS: "5",
    ...options.env,
  };
  const config = loadConfig(env);
  const gatewayConfig = options.gatewayEnv ? loadConfig({ ...env, ...options.gatewayEnv }) : config;
  const emulators = await startEmulators(config.emulators, {
    ...(options.clock ? { clock: options.clock } : {}),
    seed: options.seed ?? true,
    webhookRetryDelaysMs: [10],
  });
  const runtime = createRuntime(
    gatewayConfig,
    { carcutterUrl: emulators.carcutter.server.url, oneautoUrl: emulators.oneauto.server.url },
    { publicUrl: GATEWAY_ORIGIN },
  );
  const fetchGateway = (path: string, init?: RequestInit) =>
    Promise.resolve(runtime.gateway.fetch(`${GATEWAY_ORIGIN}${path}`, init ?? {}));
  return {
    runtime,
    emulators,
    carcutter: emulators.carcutter.emulator,
    oneauto: emulators.oneauto.emulator,
    fetch: fetchGateway,
    async execute(query, variables) {
      const res = await fetchGateway("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as ExecutionResult<never>) };
    },
    async close() {
      await runtime.close();
      await emulators.close();
    },
  };
}
