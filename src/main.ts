import type { pino } from "pino";
import { ClientsFileError } from "./clients/clients-file.js";
import { type Config, ConfigError, loadProcessConfig } from "./config.js";
import { StateFileError } from "./emulators/carcutter/state-file.js";
import { latencyNote } from "./emulators/latency.js";
import { graphiqlOffFor } from "./gateway/graphiql-page.js";
import { LedgerLockedError } from "./ledger/file-lock.js";
import { createProcessLogger, type Logger } from "./logger.js";
import { startServer } from "./server.js";

/** Process entry: read config, start, listen, shut down gracefully on SIGINT/SIGTERM. */

async function main(): Promise<void> {
  const config = loadProcessConfig();
  const logger = createProcessLogger({
    level: config.gateway.logLevel,
    terminal: process.stdout.isTTY === true,
    production: config.gateway.production,
  });
  // Before anything else runs, so that every span has the provider.
  // The OpenTelemetry SDK and its OTLP exporter are a few hundred modules: loaded only when traces
  // are exported, so a gateway without an exporter does not carry them (README, Memory).
  const tracing =
    config.tracing.exporter === "otlp" && config.tracing.url
      ? (await import("./observability/tracing-sdk.js")).startTracing(config.tracing)
      : undefined;
  const running = await startServer(config, { logger: enabledLevels(logger) });
  const { emulators } = running;
  if (emulators) {
    logger.info(
      { carcutter: emulators.carcutter?.server.url, oneauto: emulators.oneauto?.server.url },
      "built-in emulators started (for each upstream without a URL)",
    );
  }
  logger.info({ graphql: `${running.url}/graphql` }, "Forecourt is listening");
  // One write, so that whoever reads the output sees every URL at once.
  const lines = apiLines(config, `${running.url}/graphql`);
  const { showroom } = running.runtime;
  if (showroom === "served") lines.unshift(`  Showroom:             ${running.url}/`);
  if (showroom === "not built") {
    lines.unshift(
      `  Showroom:             not built (npm run build), SHOWROOM_DIR=${config.gateway.showroom.dir}`,
    );
  }
  // Said at start, since the same port then serves a router as well as clients (never the key).
  if (config.gateway.federation) {
    lines.push(
      "  Federation subgraph:  on (_entities and _service only with the router's x-router-key)",
    );
  }
  // A demo slow on purpose says so, and how to make it quick.
  const { carcutter: carcutterConfig, oneauto: oneautoConfig } = config.emulators;
  if (emulators?.carcutter) {
    const note = latencyNote(carcutterConfig.latencyMs, "CARCUTTER_EMULATOR_LATENCY_MS");
    lines.push(`  CarCutter emulator:   ${emulators.carcutter.server.url}${note}`);
  }
  if (emulators?.oneauto) {
    const note = latencyNote(oneautoConfig.latencyMs, "ONEAUTO_EMULATOR_LATENCY_MS");
    lines.push(`  OneAuto emulator:     ${emulators.oneauto.server.url}${note}`);
  }
  console.log(`\n${lines.join("\n")}\n`);

  // SIGTERM is the orchestrator's: wait for the load balancer. SIGINT is a person at a terminal.
  const stop = (signal: string) => {
    const { delayMs, graceMs } = config.gateway.drain;
    const delay = signal === "SIGTERM" ? delayMs : 0;
    logger.info({ signal, delayMs: delay, graceMs }, "draining");
    const force = setTimeout(
      () => {
        logger.error("shutdown took too long; exiting");
        process.exit(1);
      },
      delay + graceMs + 5000,
    );
    force.unref();
    running
      .drain({ delayMs: delay, graceMs })
      .then(() => tracing?.shutdown())
      .then(
        () => {
          // The last line: whoever watches the output knows the process is gone, not stuck.
          logger.info("stopped");
          logger.flush(() => process.exit(0));
        },
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          logger.flush(() => process.exit(1));
        },
      );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  // A configuration problem is the operator's to fix: its message, not a stack.
  const told =
    error instanceof ConfigError ||
    error instanceof ClientsFileError ||
    error instanceof StateFileError ||
    error instanceof LedgerLockedError;
  console.error(told ? error.message : (portInUse(error) ?? error));
  process.exit(1);
});

/** Where the API is, and whether GraphiQL is there too (and why not). */
function apiLines(config: Config, url: string): string[] {
  const { graphiql, introspection, trustedDocuments } = config.gateway;
  const off = graphiqlOffFor({ graphiql, trustedDocumentsOnly: trustedDocuments.only });
  if (off === undefined) {
    const docs = introspection
      ? ""
      : " (introspection off: no Docs pane; GRAPHQL_INTROSPECTION=true)";
    return [`  GraphQL and GraphiQL: ${url}${docs}`];
  }
  const how =
    off === "trusted documents" ? "TRUSTED_DOCUMENTS_ONLY=true" : "GRAPHIQL=true turns it on";
  return [`  GraphQL:              ${url}`, `  GraphiQL:             off (${how})`];
}

/** A port taken by another process, said with the variable that moves it; undefined otherwise. */
function portInUse(error: unknown): string | undefined {
  if (!(error instanceof Error) || !("code" in error) || error.code !== "EADDRINUSE") return;
  const port = "port" in error ? Number(error.port) : Number.NaN;
  const config = loadProcessConfig();
  const variables: [number, string][] = [
    [config.gateway.port, "PORT"],
    [config.emulators.carcutter.port, "CARCUTTER_EMULATOR_PORT"],
    [config.emulators.oneauto.port, "ONEAUTO_EMULATOR_PORT"],
  ];
  const named = variables.filter(([p]) => p === port).map(([, name]) => name);
  const which = named.length > 0 ? named.join(" or ") : "PORT";
  return `Port ${Number.isNaN(port) ? "(unknown)" : port} is already in use by another process (is Forecourt already running?). Stop that process, or choose another port with ${which}=<port>.`;
}

/**
 * The gateway's Logger with only the levels pino writes: a level left out is never built (the
 * access line is an object per request, for nothing at LOG_LEVEL=warn).
 */
function enabledLevels(logger: pino.Logger): Logger {
  return {
    warn: logger.warn.bind(logger),
    error: logger.error.bind(logger),
    ...(logger.isLevelEnabled("info") ? { info: logger.info.bind(logger) } : {}),
    ...(logger.isLevelEnabled("debug") ? { debug: logger.debug.bind(logger) } : {}),
  };
}
