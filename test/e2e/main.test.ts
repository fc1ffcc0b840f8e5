import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ExecutionResult, print } from "graphql";
import { describe, expect, it } from "vitest";
import type { E2eVehiclesToShootQuery } from "../gql/graphql.js";
import { graphql } from "../gql/index.js";
import { MAIN, spawnCollecting, startMain } from "../support/main-process.js";

/** The real process entry (src/main.ts under tsx), as `npm start` runs it after building. */

const VehiclesToShoot = graphql(`
  query E2eVehiclesToShoot { vehiclesToShoot { vehicleId } }
`);

describe("the process", () => {
  it("refuses an invalid environment with every problem listed, and exits 1", async () => {
    const { child, output } = startMain({
      PORT: "not-a-port",
      CARCUTTER_BASE_URL: "ftp://nowhere",
      ONEAUTO_BASE_URL: "https://oneauto.example",
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(output()).toMatch(/PORT: must be a whole number/);
    expect(output()).toMatch(/CARCUTTER_BASE_URL: must be an absolute http\(s\) URL/);
    expect(output()).toMatch(/ONEAUTO_API_KEY: required when ONEAUTO_BASE_URL is set/);
  });

  it("with TRUSTED_DOCUMENTS_ONLY and no readable manifest, refuses to start and exits 1", async () => {
    const { child, output } = startMain({
      PORT: "0",
      CARCUTTER_EMULATOR_PORT: "0",
      ONEAUTO_EMULATOR_PORT: "0",
      TRUSTED_DOCUMENTS_ONLY: "true",
      TRUSTED_DOCUMENTS_PATH: "/nonexistent/manifest.json",
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(output()).toMatch(/TRUSTED_DOCUMENTS_PATH: cannot read \/nonexistent\/manifest\.json/);
  });

  it("a port in use: says which variable moves it, without a stack, and exits 1", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const { child, output } = startMain({
        PORT: String(port),
        CARCUTTER_EMULATOR_PORT: "0",
        ONEAUTO_EMULATOR_PORT: "0",
      });
      const [code] = await once(child, "exit");
      expect(code).toBe(1);
      expect(output()).toMatch(new RegExp(`Port ${port} is already in use.*PORT=<port>`));
      expect(output()).not.toMatch(/EADDRINUSE|at .*\.ts:\d+/);
    } finally {
      taken.close();
    }
  });

  it("with nothing configured, serves the showroom and GraphQL over the built-in emulators and stops on SIGTERM", async () => {
    const showroom = mkdtempSync(join(tmpdir(), "forecourt-e2e-showroom-"));
    writeFileSync(join(showroom, "index.html"), "<!doctype html><title>the showroom</title>");
    const { child, output } = startMain({
      PORT: "0",
      CARCUTTER_EMULATOR_PORT: "0",
      ONEAUTO_EMULATOR_PORT: "0",
      SHOWROOM_DIR: showroom,
    });
    try {
      await expect
        .poll(() => /GraphQL and GraphiQL: (\S+)/.exec(output())?.[1], { timeout: 15_000 })
        .toBeDefined();
      const url = /GraphQL and GraphiQL: (\S+)/.exec(output())?.[1] ?? "";
      expect(output()).toMatch(/CarCutter emulator:\s+http:\/\/127\.0\.0\.1:\d+/);
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: print(VehiclesToShoot) }),
      });
      const body = (await res.json()) as ExecutionResult<E2eVehiclesToShootQuery>;
      expect(body.data?.vehiclesToShoot?.length).toBeGreaterThan(0);
      const graphiql = await fetch(url, { headers: { accept: "text/html" } });
      expect(await graphiql.text()).toContain("Forecourt");
      // The first URL printed is the showroom's.
      const first = /^\s*(\w+):\s+(\S+)/m.exec(output());
      expect(first?.[1]).toBe("Showroom");
      expect(first?.[2]).toBe(url.replace(/graphql$/, ""));
      expect(await (await fetch(first?.[2] ?? "")).text()).toContain("the showroom");
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  }, 30_000);

  it("SIGTERM under steady load: /ready 503 at once, 0 failures among requests started before it, exit 0", async () => {
    const { child, output } = startMain({
      PORT: "0",
      CARCUTTER_EMULATOR_PORT: "0",
      ONEAUTO_EMULATOR_PORT: "0",
      DRAIN_DELAY_MS: "1500",
      SHUTDOWN_GRACE_MS: "5000",
    });
    await expect
      .poll(() => /GraphQL and GraphiQL: (\S+)/.exec(output())?.[1], { timeout: 15_000 })
      .toBeDefined();
    const url = /GraphQL and GraphiQL: (\S+)/.exec(output())?.[1] ?? "";
    let signalledAt = Number.POSITIVE_INFINITY;
    let stop = false;
    const before: (number | string)[] = [];
    const worker = async () => {
      while (!stop) {
        const startedAt = performance.now();
        let outcome: number | string;
        try {
          const res = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query: print(VehiclesToShoot) }),
          });
          const body = (await res.json()) as ExecutionResult;
          outcome = body.errors ? "errors" : res.status;
        } catch (error) {
          outcome = (error as Error).message;
        }
        if (startedAt < signalledAt) before.push(outcome);
        else if (outcome !== 200) return;
      }
    };
    const workers = Array.from({ length: 8 }, () => worker());
    await new Promise((resolve) => setTimeout(resolve, 500));
    signalledAt = performance.now();
    child.kill("SIGTERM");
    // Within the drain's delay (1.5 s), while the server still accepts connections.
    await expect
      .poll(async () => (await fetch(url.replace(/graphql$/, "ready"))).status, {
        timeout: 1200,
        interval: 20,
      })
      .toBe(503);
    const [code] = await once(child, "exit");
    stop = true;
    await Promise.all(workers);
    expect(code).toBe(0);
    expect(before.length).toBeGreaterThanOrEqual(8);
    expect(before.filter((outcome) => outcome !== 200)).toEqual([]);
  }, 30_000);

  it("in production: the banner says GraphiQL is off and how to turn it on, the log is JSON, and its last line says stopped", async () => {
    const { child, output } = startMain({
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      PORT: "0",
      CARCUTTER_EMULATOR_PORT: "0",
      ONEAUTO_EMULATOR_PORT: "0",
      DRAIN_DELAY_MS: "0",
    });
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    try {
      await expect
        .poll(() => /GraphiQL:\s+off \(GRAPHIQL=true turns it on\)/.test(output()), {
          timeout: 15_000,
        })
        .toBe(true);
      expect(output()).not.toMatch(/GraphQL and GraphiQL/);
      const url = /GraphQL:\s+(\S+)/.exec(output())?.[1] ?? "";
      const page = await fetch(url, { headers: { accept: "text/html" } });
      expect(await page.text()).toMatch(/GraphiQL is off/);
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    const logLines = stdout.split("\n").filter((line) => line.startsWith("{"));
    expect(logLines.length).toBeGreaterThan(2);
    for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();
    const last = stdout.trimEnd().split("\n").at(-1) ?? "";
    expect(JSON.parse(last)).toMatchObject({ msg: "stopped" });
  }, 30_000);

  it("at a terminal in development: the log is pretty-printed, and Ctrl-C ends it with a stopped line", async () => {
    // `script` gives the process a pseudo-terminal, as a person's shell would; node runs main.ts
    // itself (tsx as a loader), so that Ctrl-C reaches it alone, as with `npm start`.
    const command = `exec ${["node", "--import", "tsx", MAIN].map((part) => `'${part}'`).join(" ")}`;
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      env: {
        PATH: process.env.PATH ?? "",
        TERM: "dumb",
        NO_COLOR: "1",
        LOG_LEVEL: "info",
        PORT: "0",
        CARCUTTER_EMULATOR_PORT: "0",
        ONEAUTO_EMULATOR_PORT: "0",
        FORECOURT_DATA_DIR: mkdtempSync(join(tmpdir(), "forecourt-e2e-")),
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      await expect
        .poll(() => /GraphQL and GraphiQL: \S+/.test(output), { timeout: 15_000 })
        .toBe(true);
      expect(output).toMatch(/INFO.*Forecourt is listening/);
      expect(output).not.toMatch(/^\{"level"/m);
      // Ctrl-C at the terminal: SIGINT to the foreground process.
      child.stdin?.write("\u0003");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      const last = output.trimEnd().split(/\r?\n/).at(-1) ?? "";
      expect(last).toMatch(/INFO.*stopped/);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 30_000);

  it("npm start passes SIGTERM on to the gateway: it drains, says stopped, and frees its port", async () => {
    // `npm start` runs a shell (build, then the gateway): the gateway must be what the signal reaches.
    const { child, output } = spawnCollecting("npm", ["start"], {
      cwd: new URL("../..", import.meta.url).pathname,
      env: {
        PATH: process.env.PATH ?? "",
        LOG_LEVEL: "info",
        DRAIN_DELAY_MS: "200",
        PORT: "0",
        CARCUTTER_EMULATOR_PORT: "0",
        ONEAUTO_EMULATOR_PORT: "0",
        FORECOURT_DATA_DIR: mkdtempSync(join(tmpdir(), "forecourt-e2e-")),
      },
    });
    let url: string | undefined;
    try {
      await expect
        .poll(() => (url = /"graphql":"(http:[^"]+)"/.exec(output())?.[1]), { timeout: 90_000 })
        .toBeDefined();
      expect(
        (
          await fetch(`${url}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: '{"query":"{__typename}"}',
          })
        ).status,
      ).toBe(200);
      child.kill("SIGTERM");
      await expect.poll(() => output(), { timeout: 15_000 }).toMatch(/"msg":"stopped"/);
      expect(output()).toMatch(/"signal":"SIGTERM".*"msg":"draining"/);
      await expect(fetch(`${url}`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 120_000);
});
