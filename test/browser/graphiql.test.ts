import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server.js";
import { runBrowserTests } from "../support/chromium.js";
import { localServerConfig } from "../support/server.js";

/**
 * GraphiQL as a new user meets it, in headless Chromium (Debian's package, driven by
 * playwright-core; no browser download): it loads with no network beyond the gateway, shows
 * Forecourt's example query, runs it, and opens its docs. Without Chromium these tests are
 * reported skipped. A failing test leaves a screenshot in test-results/.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = runBrowserTests(CHROMIUM);
const SCREENSHOTS = join(process.cwd(), "test-results");

describe.skipIf(!hasChromium)("GraphiQL in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "forecourt-browser-"));
    server = await startServer(
      localServerConfig({
        FORECOURT_DATA_DIR: dataDir,
      }),
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail" && page) {
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, "graphiql-failure.png"), fullPage: true });
    }
  });

  it("loads from the gateway alone, opens on the example query, runs it and shows data", async () => {
    const context = await browser.newContext();
    page = await context.newPage();
    const foreign: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!["127.0.0.1", "localhost"].includes(url.hostname) && url.protocol.startsWith("http")) {
        foreign.push(request.url());
      }
    });
    await page.goto(`${server.url}/graphql`, { waitUntil: "load" });
    // Monaco draws the text in .view-lines, spaces as no-break spaces (which \s matches).
    const editor = page.locator(".graphiql-query-editor .view-lines");
    await expect.poll(() => editor.innerText(), { timeout: 30_000 }).toMatch(/query\s+Showroom/);
    await page.locator(".graphiql-execute-button").click();
    const response = page.locator(".graphiql-response .view-lines");
    await expect.poll(() => response.innerText(), { timeout: 30_000 }).toMatch(/"vehicleId"/);
    expect(await response.innerText()).not.toMatch(/Syntax Error/);
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    await expect
      .poll(() => page.locator(".graphiql-doc-explorer").innerText(), { timeout: 10_000 })
      .toMatch(/Query/);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "graphiql.png") });
    expect(foreign).toEqual([]);
    await context.close();
  }, 90_000);
});
