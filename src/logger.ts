/** What the gateway logs through: pino in production (main.ts), nothing or a spy in tests. */
export interface Logger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
