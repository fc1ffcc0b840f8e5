import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProcessLogger } from "../src/logger.js";

/** The process's log: pretty for a person at a terminal in development, JSON otherwise. */

function capture(
  terminal: boolean,
  production: boolean,
): { lines: () => string[]; log: ReturnType<typeof createProcessLogger> } {
  const destination = new PassThrough();
  let text = "";
  destination.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  const log = createProcessLogger({ level: "info", terminal, production, destination });
  return { log, lines: () => text.split("\n").filter((line) => line !== "") };
}

describe("the process log", () => {
  it("at a terminal in development: pretty lines, level and message readable, credentials redacted", () => {
    const { log, lines } = capture(true, false);
    log.info({ upstream: { token: "s3cret-token" } }, "Forecourt is listening");
    const [line] = lines();
    expect(line).toMatch(/INFO.*Forecourt is listening/);
    expect(() => JSON.parse(line ?? "")).toThrow();
    expect(lines().join("\n")).not.toMatch(/s3cret-token/);
    expect(lines().join("\n")).toMatch(/\[redacted\]/);
  });

  it.each([
    ["not at a terminal", false, false],
    ["in production, even at a terminal", true, true],
  ])("%s: one JSON object per line, credentials redacted", (_, terminal, production) => {
    const { log, lines } = capture(terminal, production);
    log.info({ upstream: { token: "s3cret-token" } }, "Forecourt is listening");
    const entry = JSON.parse(lines()[0] ?? "") as { level: number; msg: string; upstream: object };
    expect(entry).toMatchObject({ level: 30, msg: "Forecourt is listening" });
    expect(entry.upstream).toEqual({ token: "[redacted]" });
  });

  it("the federation router's key is redacted as a header and as a setting", () => {
    const { log, lines } = capture(false, true);
    const key = "router-key-in-a-log-line-0123456789abcdef";
    log.info({ request: { headers: { "x-router-key": key } }, gateway: { routerKey: key } }, "x");
    expect(lines().join("\n")).not.toContain(key);
    expect(JSON.parse(lines()[0] ?? "")).toMatchObject({
      request: { headers: { "x-router-key": "[redacted]" } },
      gateway: { routerKey: "[redacted]" },
    });
  });
});
