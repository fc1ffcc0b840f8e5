/** What the gateway logs through: pino in production (main.ts), nothing or a spy in tests. */
export interface Logger {
  /** For what is worth knowing only while looking closely (a client that went away). */
  debug?(obj: object, msg: string): void;
  /** One line per operation (the access log); a logger without it writes none. */
  info?(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
