import { pino } from "pino";
import { pinoPretty } from "./optional-dependencies.js";

/** What the gateway logs through: pino in production (main.ts), nothing or a spy in tests. */
export interface Logger {
  /** For what is worth knowing only while looking closely (a client that went away). */
  debug?(obj: object, msg: string): void;
  /** One line per operation (the access log); a logger without it writes none. */
  info?(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** How the process's log is written: pretty for a person at a terminal, JSON for everything else. */
export interface ProcessLogOptions {
  level: string;
  /** Whether stdout is a terminal (process.stdout.isTTY). */
  terminal: boolean;
  /** NODE_ENV=production: JSON whatever stdout is, for the log shipper. */
  production: boolean;
  /** Where lines go; stdout when left out (tests capture them). */
  destination?: NodeJS.WritableStream;
}

/**
 * The process's pino logger. At a terminal outside production the lines are pretty-printed
 * (pino-pretty, in this thread and synchronous, so that the last line is out before exit);
 * otherwise one JSON object per line. Credentials are redacted either way.
 */
export function createProcessLogger(options: ProcessLogOptions): pino.Logger {
  const settings: pino.LoggerOptions = {
    level: options.level,
    // Credentials must never reach a log line, whatever object is logged.
    redact: {
      paths: [
        "*.authorization",
        "*.headers.authorization",
        '*.headers["x-api-key"]',
        '*.headers["x-router-key"]',
        "*.routerKey",
        "*.token",
        "*.apiKey",
      ],
      censor: "[redacted]",
    },
  };
  if (options.terminal && !options.production) {
    return pino(
      settings,
      pinoPretty()({
        sync: true,
        // Colour where the terminal takes it (NO_COLOR respected); never into a captured stream.
        ...(options.destination ? { colorize: false } : {}),
        translateTime: "SYS:HH:MM:ss.l",
        ignore: "pid,hostname",
        ...(options.destination ? { destination: options.destination } : {}),
      }),
    );
  }
  return options.destination
    ? pino(settings, options.destination)
    : pino(settings, pino.destination({ dest: 1, sync: true }));
}
