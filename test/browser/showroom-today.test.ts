import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server.js";
import { buildShowroom, CHROMIUM, launchChromium } from "../support/chromium.js";
import { localServerConfig } from "../support/server.js";

/**
 * The showroom's "today" figure (each cost note's `extensions.cost.spentPenceToday`) after the
 * gateway restarts: the day's spend as the store keeps it, as `usage` answers it, not only what
 * the new process spent. In headless Chromium, as test/browser/showroom.test.ts.
 */

const SCREENSHOTS = join(process.cwd(), "test-results");

async function graphql(server: RunningServer, query: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Record<string, unknown>;
}

describe.skipIf(!existsSync(CHROMIUM))("the showroom's today figure in Chromium", () => {
  let buildDir: string;
  let dataDir: string;
  let browser: Browser;
  let page: Page | undefined;

  const gateway = () =>
    startServer(localServerConfig({ FORECOURT_DATA_DIR: dataDir, SHOWROOM_DIR: buildDir }));

  beforeAll(async () => {
    buildDir = await buildShowroom("forecourt-showroom-today-build");
    dataDir = await mkdtemp(join(tmpdir(), "forecourt-showroom-today-"));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail" && page) {
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, "showroom-today.png"), fullPage: true });
    }
    await page?.context().close();
    page = undefined;
  });

  it("after a restart, the stock list's note says today's spend as usage does", async () => {
    const first = await gateway();
    try {
      for (const view of ["front", "rear", "left"]) {
        const spent = await graphql(
          first,
          `{ stockImage(imageId: "volkswagen-golf-mk8-${view}", color: "Yellow") { url } }`,
        );
        expect(spent).toMatchObject({ extensions: { cost: { paidCalls: 1 } } });
      }
    } finally {
      await first.close();
    }
    const restarted = await gateway();
    try {
      expect(await graphql(restarted, "{ usage(days: 1) { spentPenceToday } }")).toMatchObject({
        data: { usage: { spentPenceToday: 45 } },
      });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
      await page.goto(`${restarted.url}/`, { waitUntil: "load" });
      // The list's one operation (its thumbnails deferred in it) says its cost with its last
      // part, and today's total: the 45p spent before the restart plus its own.
      const listNote = page.getByTestId("cost").first();
      await expect
        .poll(() => listNote.innerText(), { timeout: 20_000 })
        .toMatch(/^This list: .*· today/);
      const note = await listNote.innerText();
      const [, own, today] = /, ([\d.]+)p .*· today ([\d.]+)p$/.exec(note) ?? [];
      expect(note).toMatch(/billed/);
      expect(Number(today)).toBe(45 + Number(own));
    } finally {
      await restarted.close();
    }
  });
});
