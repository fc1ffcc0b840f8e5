import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ImageEventBus } from "../../src/events/create-image-events.js";
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
const LAN_HOST = "forecourt.lan.test";
/** A seeded vehicle of the built-in CarCutter emulator. */
const AUDI = "WAUZZZ8K9BA123456";

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
        // A name for 127.0.0.1 that is not "localhost": to Chromium an origin over plain HTTP
        // that is not potentially trustworthy, as a LAN address is (no Sec-Fetch-* headers).
        `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`,
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

  /** Opens GraphiQL, types the subscription over the example and runs it. */
  async function runSubscription(p: Page, origin = server.url): Promise<void> {
    await p.goto(`${origin}/graphql`, { waitUntil: "load" });
    const editor = p.locator(".graphiql-query-editor .view-lines");
    await expect.poll(() => editor.innerText(), { timeout: 30_000 }).toMatch(/query\s+Showroom/);
    // Typed over the example; inserted as a whole, so that the editor does not close brackets.
    await p.locator(".graphiql-query-editor .monaco-editor").click();
    await expect
      .poll(async () => {
        await p.keyboard.press("ControlOrMeta+A");
        await p.keyboard.press("Delete");
        return (await editor.innerText()).trim();
      })
      .toBe("");
    await p.keyboard.insertText(
      `subscription { imageUpdated(vehicleId: "${AUDI}") { url status phase } }`,
    );
    await expect
      .poll(() => editor.innerText())
      .toMatch(/^subscription\s+\{\s+imageUpdated.*\}\s*$/s);
    // GraphiQL reads the operation's name after a pause: until the tab's title drops the
    // example's name, running would ask for the example's operation.
    await expect
      .poll(() => p.locator(".graphiql-tab").first().innerText(), { timeout: 10_000 })
      .not.toMatch(/Showroom/);
    await p.locator(".graphiql-execute-button").click();
  }

  /** The result pane's text without whitespace (it wraps long lines). */
  const resultOf = (p: Page) => async () =>
    (await p.locator(".graphiql-response .view-lines").innerText()).replaceAll(/\s/g, "");

  /** The gateway as reached at a LAN address over plain HTTP (LAN_HOST). */
  const lanOrigin = () => server.url.replace("127.0.0.1", LAN_HOST);

  it.each([
    ["as Chromium sends it to this origin", false],
    ["at a LAN address over plain HTTP (no Sec-Fetch-Site, no Origin)", true],
  ])(
    "runs a subscription typed into it, %s: the events of a photo submitted meanwhile arrive in the result pane",
    async (_, plainHttp) => {
      const context = await browser.newContext();
      page = await context.newPage();
      const refused: string[] = [];
      page.on("response", (response) => {
        if (response.status() === 403) refused.push(response.url());
      });
      const events = server.runtime.events as ImageEventBus;
      const before = events.subscriptionCount;
      await runSubscription(page, plainHttp ? lanOrigin() : server.url);
      await expect.poll(() => events.subscriptionCount, { timeout: 20_000 }).toBe(before + 1);

      const url = `https://photos.example.com/graphiql/${Date.now()}/front.jpg`;
      const res = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `mutation ($input: SubmitImagesInput!) {
          submitImages(input: $input) { ... on SubmitImagesPayload { results { outcome } } }
        }`,
          variables: { input: { vehicleId: AUDI, urls: [url], processing: { cutType: "BLUR" } } },
        }),
      });
      expect(((await res.json()) as { data: unknown }).data).toEqual({
        submitImages: { results: [{ outcome: "ACCEPTED" }] },
      });
      const shown = resultOf(page);
      await expect.poll(shown, { timeout: 30_000 }).toContain(`{"imageUpdated":{"url":"${url}"`);
      expect(await shown()).not.toMatch(/CSRF/);
      expect(refused).toEqual([]);
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({
        path: join(SCREENSHOTS, `graphiql-subscription${plainHttp ? "-plain-http" : ""}.png`),
      });
      await context.close();
    },
    90_000,
  );

  it("at a LAN address over plain HTTP, without the CSRF header GraphiQL sends, the same subscription is refused", async () => {
    // The control for the test above: at that address nothing else vouches for the request.
    const context = await browser.newContext();
    page = await context.newPage();
    await page.route("**/graphql?*", (route) => {
      const { "x-graphql-yoga-csrf": _, ...headers } = route.request().headers();
      return route.continue({ headers });
    });
    await runSubscription(page, lanOrigin());
    await expect.poll(resultOf(page), { timeout: 30_000 }).toMatch(/"code":"CSRF_PREVENTED"/);
    await context.close();
  }, 90_000);

  it("in production with GRAPHIQL=true, its Docs pane shows the schema (introspection comes with it)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "forecourt-browser-production-"));
    const production = await startServer(
      localServerConfig({ FORECOURT_DATA_DIR: dir, NODE_ENV: "production", GRAPHIQL: "true" }),
    );
    const context = await browser.newContext();
    try {
      page = await context.newPage();
      await page.goto(`${production.url}/graphql`, { waitUntil: "load" });
      await page.locator('button[aria-label="Show Documentation Explorer"]').click();
      const docs = page.locator(".graphiql-doc-explorer");
      await expect.poll(() => docs.innerText(), { timeout: 20_000 }).toMatch(/Query/);
      expect(await docs.innerText()).not.toMatch(/Error fetching schema/);
    } finally {
      await context.close();
      await production.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
