import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server.js";
import { ONEAUTO } from "../../src/upstreams/oneauto/dto.js";
import { buildShowroom, CHROMIUM, launchChromium, runBrowserTests } from "../support/chromium.js";
import { localServerConfig } from "../support/server.js";

/**
 * The showroom's vehicle page is one operation whose stock photos are deferred and streamed: in
 * Chromium, with OneAuto's paid links taking 1.5 s, the vehicle's details are on screen long
 * before its stock photos, which come with a placeholder in their place until then. Screenshots of
 * both moments go to SHOWROOM_DEFER_SHOTS (default: the system's temporary directory).
 */

const hasChromium = runBrowserTests(CHROMIUM);
const LINK_MS = 1500;
const BMW = "WBA5R1C50KAE81715";
const SHOTS = process.env.SHOWROOM_DEFER_SHOTS ?? tmpdir();

describe.skipIf(!hasChromium)("the showroom's deferred vehicle page in Chromium", () => {
  let buildDir: string;
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    buildDir = await buildShowroom("forecourt-defer-build");
    dataDir = await mkdtemp(join(tmpdir(), "forecourt-defer-data-"));
    server = await startServer(
      localServerConfig({
        FORECOURT_DATA_DIR: dataDir,
        SHOWROOM_DIR: buildDir,
        ONEAUTO_EMULATOR_LATENCY_MS: `${ONEAUTO.imageLink.name}=${LINK_MS}`,
        CARCUTTER_EMULATOR_LATENCY_MS: "0",
      }),
    );
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
  });

  it("shows the vehicle's details first, then each stock photo when its link arrives", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Timestamps taken in the page, as its user sees them.
    await page.addInitScript(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { seen: typeof seen }).seen = seen;
      const look = () => {
        if (seen.details === undefined && document.querySelector("[data-testid=features] li")) {
          seen.details = performance.now();
        }
        if (
          seen.placeholder === undefined &&
          document.querySelector("[data-testid=stock-photo-placeholder]")
        ) {
          seen.placeholder = performance.now();
        }
        if (seen.photo === undefined && document.querySelector("[data-testid=stock-photo]")) {
          seen.photo = performance.now();
        }
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    try {
      await page.goto(`${server.url}/#/vehicles/${BMW}`, { waitUntil: "load" });
      await page.getByTestId("features").waitFor({ timeout: 20_000 });
      await page.screenshot({ path: join(SHOTS, "showroom-defer-details.png"), fullPage: true });
      // The details are up while the photos are still on their way.
      expect(await page.getByTestId("stock-photo").count()).toBe(0);
      expect(await page.getByTestId("stock-photo-placeholder").count()).toBeGreaterThan(0);
      await page.getByTestId("stock-photo").first().waitFor({ timeout: 20_000 });
      await expect
        .poll(() => page.getByTestId("stock-photo-placeholder").count(), { timeout: 10_000 })
        .toBe(0);
      await page.screenshot({ path: join(SHOTS, "showroom-defer-photos.png"), fullPage: true });
      const seen = await page.evaluate(
        () => (window as unknown as { seen: Record<string, number> }).seen,
      );
      console.log(
        `showroom vehicle page: details at ${Math.round(seen.details ?? 0)} ms, first stock photo at ${Math.round(seen.photo ?? 0)} ms (OneAuto links ${LINK_MS} ms)`,
      );
      // One operation: three links and the VIN search behind them, each asked once.
      const control = server.emulators?.oneauto?.emulator.control;
      expect(control?.count(ONEAUTO.imageLink.name)).toBe(3);
      expect(control?.count(ONEAUTO.searchByVin.name)).toBe(1);
      expect(seen.details).toBeDefined();
      expect(seen.photo).toBeDefined();
      expect((seen.photo ?? 0) - (seen.details ?? 0)).toBeGreaterThan(LINK_MS - 300);
      expect(await page.getByTestId("stock-photo").count()).toBeGreaterThanOrEqual(1);
      // The one operation's cost, once all of it came.
      await expect
        .poll(() => page.getByTestId("cost").first().innerText())
        .toMatch(/stock photo.*billed/);
    } finally {
      await context.close();
    }
  }, 60_000);
});
