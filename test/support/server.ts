import { type Config, loadConfig } from "../../src/config.js";

/**
 * The configuration of a listening gateway (startServer) over its built-in emulators, every port
 * chosen by the system, on 127.0.0.1; `env` adds to it (a data directory, at least).
 */
export function localServerConfig(env: Record<string, string>): Config {
  return loadConfig({
    HOST: "127.0.0.1",
    PORT: "0",
    CARCUTTER_EMULATOR_PORT: "0",
    ONEAUTO_EMULATOR_PORT: "0",
    ...env,
  });
}
