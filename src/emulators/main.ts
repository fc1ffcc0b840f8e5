import { ConfigError, loadProcessConfig } from "../config.js";
import { latencyNote } from "./latency.js";
import { startEmulators } from "./start.js";

/** `npm run emulators`: both upstream emulators on their configured ports until interrupted. */
async function main(): Promise<void> {
  const config = loadProcessConfig();
  const emulators = await startEmulators(config.emulators);
  const { carcutter, oneauto } = emulators;
  const latency = {
    carcutter: latencyNote(config.emulators.carcutter.latencyMs, "CARCUTTER_EMULATOR_LATENCY_MS"),
    oneauto: latencyNote(config.emulators.oneauto.latencyMs, "ONEAUTO_EMULATOR_LATENCY_MS"),
  };
  console.log(
    `CarCutter emulator  ${carcutter.server.url}  (Authorization: Bearer <CARCUTTER_API_TOKEN>)${latency.carcutter}`,
  );
  console.log(
    `OneAuto emulator    ${oneauto.server.url}  (x-api-key: <ONEAUTO_API_KEY>)${latency.oneauto}`,
  );
  console.log(
    `Request counters    ${carcutter.server.url}/__emulator/requests  ${oneauto.server.url}/__emulator/requests`,
  );
  const stop = async (signal: string) => {
    console.log(`${signal}: stopping emulators`);
    await emulators.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
