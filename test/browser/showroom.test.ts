import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ImageEventBus } from "../../src/events/create-image-events.js";
import { type RunningServer, startServer } from "../../src/server.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { buildShowroom, CHROMIUM, launchChromium, runBrowserTests } from "../support/chromium.js";
import { localServerConfig } from "../support/server.js";

/**
 * The showroom (examples/showroom) as a dealer's staff use it, in headless Chromium (Debian's
 * package, driven by playwright-core), against the gateway `npm start` runs (startServer) over
 * its built-in emulators with short processing steps. The app is built afresh from its sources
 * for this run, so the test sees the code in the tree. Without Chromium these tests are
 * reported skipped. A failing test leaves a screenshot in test-results/.
 */

const hasChromium = runBrowserTests(CHROMIUM);
const SCREENSHOTS = join(process.cwd(), "test-results");
const STEP_MS = 150;
const BMW = "WBA5R1C50KAE81715";
const AUDI = "WAUZZZ8K9BA123456";
const MUSTANG = "1FA6P8TH3L5100001";

/** Every image of the locator has loaded a real picture. */
async function picturesLoaded(images: Locator): Promise<number[]> {
  return images.evaluateAll((nodes) =>
    nodes.map((node) => {
      const image = node as HTMLImageElement;
      return image.complete ? image.naturalWidth : 0;
    }),
  );
}

describe.skipIf(!hasChromium)("the showroom in Chromium", () => {
  let buildDir: string;
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page | undefined;
  const cleanups: (() => Promise<unknown>)[] = [];

  async function gateway(env: Record<string, string> = {}): Promise<RunningServer> {
    const dir = await mkdtemp(join(tmpdir(), "forecourt-showroom-data-"));
    const started = await startServer(
      localServerConfig({
        FORECOURT_DATA_DIR: dir,
        SHOWROOM_DIR: buildDir,
        CARCUTTER_EMULATOR_STEP_MS: String(STEP_MS),
        POLL_INTERVAL_MS: "500",
        ...env,
      }),
    );
    cleanups.push(async () => {
      await started.close();
      await rm(dir, { recursive: true, force: true });
    });
    return started;
  }

  async function open(url: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    return page;
  }

  beforeAll(async () => {
    buildDir = await buildShowroom("forecourt-showroom-build");
    dataDir = await mkdtemp(join(tmpdir(), "forecourt-showroom-"));
    server = await gateway();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await rm(dataDir, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail" && page) {
      await mkdir(SCREENSHOTS, { recursive: true });
      const name = context.task.name.replaceAll(/[^a-z0-9]+/gi, "-").slice(0, 60);
      await page.screenshot({ path: join(SCREENSHOTS, `showroom-${name}.png`), fullPage: true });
    }
    await page?.context().close();
    page = undefined;
  });

  it("the stock list at / shows the seeded vehicles with pictures that load, and filters", async () => {
    const p = await open(`${server.url}/`);
    const items = p.getByTestId("stock-item");
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(6);
    const shown = await items.evaluateAll((nodes) =>
      nodes.map((node) => (node as HTMLElement).dataset.vehicleId),
    );
    expect(shown).toContain(BMW);
    expect(shown).toContain(AUDI);
    await expect
      .poll(() => picturesLoaded(p.locator("[data-testid=stock-item] img")), {
        timeout: 20_000,
      })
      .toSatisfy((widths: number[]) => widths.length === 6 && widths.every((w) => w > 0));
    await expect.poll(() => p.getByTestId("cost").first().innerText()).toMatch(/upstream call/);
    // The next page holds the rest of the seed.
    await p.getByRole("button", { name: "Next →" }).click();
    await expect
      .poll(() => items.first().getAttribute("data-vehicle-id"), { timeout: 20_000 })
      .not.toBe(shown[0]);
    const next = await items.evaluateAll((nodes) =>
      nodes.map((node) => (node as HTMLElement).dataset.vehicleId),
    );
    expect(next.filter((id) => shown.includes(id))).toEqual([]);
    // A manufacturer filter: only its vehicles, however the make is typed.
    await p.getByLabel("Manufacturer").fill("bmw");
    await expect
      .poll(
        async () =>
          (await items.locator(".card-title").allInnerTexts()).map((t) => t.split(" ")[0]),
        {
          timeout: 20_000,
        },
      )
      .toEqual(["BMW", "BMW"]);
  });

  it("a vehicle page shows details, features, processed photos and stock photos that load", async () => {
    const p = await open(`${server.url}/#/vehicles/${BMW}`);
    await expect
      .poll(() => p.getByTestId("features").innerText(), { timeout: 20_000 })
      .toMatch(/Panoramic roof/);
    const results = p.locator("[data-testid=photo] img.result");
    await expect
      .poll(() => picturesLoaded(results), { timeout: 20_000 })
      .toSatisfy((widths: number[]) => widths.length >= 3 && widths.every((w) => w > 0));
    const stock = p.getByTestId("stock-photo");
    await expect
      .poll(() => picturesLoaded(stock), { timeout: 20_000 })
      .toSatisfy((widths: number[]) => widths.length >= 1 && widths.every((w) => w > 0));
    // The page is one operation (its stock photos deferred in it): one note, with its last part.
    await expect
      .poll(() => p.getByTestId("cost").allInnerTexts())
      .toSatisfy(
        (texts: string[]) => texts.length === 1 && texts.every((t) => /upstream call/.test(t)),
      );
    // Its three stock views are links billed, or answered from the gateway's cache where the
    // stock list's thumbnail already paid for one (and for the VIN search behind them).
    const [note] = await p.getByTestId("cost").allInnerTexts();
    const billed = Number(
      /(\d+) stock photos? (?:and \d+ stock lookups? )?billed/.exec(note ?? "")?.[1],
    );
    const cached = Number(/\((\d+) answers? from the gateway's cache\)/.exec(note ?? "")?.[1] ?? 0);
    expect(billed).toBeGreaterThanOrEqual(1);
    expect(billed + cached).toBeGreaterThanOrEqual(3);
    // Another background is another set of links.
    const before = await stock.first().getAttribute("src");
    await p.getByLabel("Background").selectOption("TRANSPARENT");
    await expect
      .poll(() => stock.first().getAttribute("src"), { timeout: 20_000 })
      .not.toBe(before);
  });

  it("uploads two photos and shows them reach FINAL live, the live view open before the upload", async () => {
    const p = await open(`${server.url}/#/vehicles/${AUDI}`);
    const events = server.runtime.events as ImageEventBus;
    // The page's live view is listening before anything is uploaded.
    await expect.poll(() => events.subscriptionCount, { timeout: 20_000 }).toBeGreaterThan(0);
    const run = Date.now();
    const urls = [
      `https://photos.example.com/showroom/${run}/front-left.jpg`,
      `https://photos.example.com/showroom/${run}/rear.jpg`,
    ];
    const emulator = server.emulators?.carcutter?.emulator;
    const sent = emulator?.control.count(CARCUTTER.submitImages.name) ?? 0;
    await p.getByLabel("Photo URLs, one per line").fill(urls.join("\n"));
    await p.locator("select[name=cutType]").selectOption("BLUR");
    await p.getByRole("button", { name: "Upload" }).click();
    const outcomes = p.getByTestId("upload-outcomes").locator("li");
    await expect
      .poll(() => outcomes.evaluateAll((n) => n.map((e) => (e as HTMLElement).dataset.outcome)), {
        timeout: 20_000,
      })
      .toEqual(["ACCEPTED", "ACCEPTED"]);
    const statuses: string[][] = [];
    const photo = (url: string) => p.locator(`[data-testid=photo][data-url="${url}"]`);
    await expect
      .poll(
        async () => {
          const now = await Promise.all(urls.map((url) => photo(url).getAttribute("data-status")));
          statuses.push(now.map(String));
          return now;
        },
        { timeout: 30_000, interval: 100 },
      )
      .toEqual(["FINAL", "FINAL"]);
    // Seen on the way, without a reload: processing first.
    expect(statuses.some((s) => s.includes("PROCESSING"))).toBe(true);
    await expect
      .poll(() => picturesLoaded(photo(urls[0] ?? "").locator("img")), {
        timeout: 20_000,
      })
      .toSatisfy((widths: number[]) => widths.length === 1 && (widths[0] ?? 0) > 0);
    expect(emulator?.control.count(CARCUTTER.submitImages.name)).toBe(sent + 1);

    // The box emptied once they were sent; the same photos again: said, not paid for.
    expect(await p.getByLabel("Photo URLs, one per line").inputValue()).toBe("");
    await p.getByLabel("Photo URLs, one per line").fill(urls.join("\n"));
    await p.getByRole("button", { name: "Upload" }).click();
    await expect
      .poll(() => outcomes.evaluateAll((n) => n.map((e) => (e as HTMLElement).dataset.outcome)), {
        timeout: 20_000,
      })
      .toEqual(["ALREADY_SUBMITTED", "ALREADY_SUBMITTED"]);
    expect(await outcomes.first().innerText()).toMatch(/already submitted: not sent again/);
    expect(emulator?.control.count(CARCUTTER.submitImages.name)).toBe(sent + 1);
  });

  it("the upload form takes one URL per line, lists every problem in words, and empties once sent", async () => {
    const p = await open(`${server.url}/#/vehicles/${AUDI}`);
    const emulator = server.emulators?.carcutter?.emulator;
    const box = p.getByLabel("Photo URLs, one per line");
    const upload = p.getByRole("button", { name: "Upload" });
    const problems = p.getByTestId("upload-problems").locator("li");
    const sent = () => emulator?.control.count(CARCUTTER.submitImages.name) ?? 0;
    await expect.poll(() => box.isEnabled(), { timeout: 20_000 }).toBe(true);
    const before = sent();
    const run = Date.now();
    const photo = (name: string) => `https://photos.example.com/showroom/${run}/${name}.jpg`;

    // A line with spaces is one bad line, not three; every problem is said; nothing is sent.
    await box.fill(
      `not a url\n${photo("front")}\n\n   ${photo("front")}   \n${photo("a")} ${photo("b")}`,
    );
    await upload.click();
    await expect
      .poll(() => problems.allInnerTexts(), { timeout: 20_000 })
      .toEqual([
        "Line 1 (“not a url”) is not a web address: it must start with http:// or https://.",
        "Line 4 repeats line 2: remove one of them.",
        "Line 5 holds several URLs: put each on a line of its own.",
      ]);
    expect(sent()).toBe(before);

    // An empty box says what to do, and the old problems go.
    await box.fill("  \n ");
    await upload.click();
    await expect
      .poll(() => problems.allInnerTexts(), { timeout: 20_000 })
      .toEqual(["Enter at least one photo URL."]);

    // Three photos, blank lines and spaces around them: one call, three photos billed.
    const three = [photo("front-left"), photo("rear"), photo("dashboard")];
    await box.fill(`\n ${three[0]}\n\n${three[1]} \n\t${three[2]}\n`);
    await upload.click();
    const outcomes = p.getByTestId("upload-outcomes").locator("li");
    await expect
      .poll(() => outcomes.evaluateAll((n) => n.map((e) => (e as HTMLElement).dataset.outcome)), {
        timeout: 20_000,
      })
      .toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED"]);
    expect(await problems.count()).toBe(0);
    expect(await box.inputValue()).toBe("");
    expect(sent()).toBe(before + 1);
    const uploadCost = p.getByTestId("cost").filter({ hasText: "Upload:" });
    expect(await uploadCost.innerText()).toMatch(/1 upstream call, 3 photos billed/);
    // What the emulator billed: three photos in that one submission.
    const submission = emulator?.submissions().at(-1);
    expect([...(submission?.imageUrls ?? [])].sort()).toEqual([...three].sort());
  });

  it("at 390 px wide every filter and the upload form fit the screen", async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const p = await open(`${server.url}/`, 390);
    await expect.poll(() => p.getByTestId("stock-item").count(), { timeout: 20_000 }).toBe(6);
    const overflow = () =>
      p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    for (const name of ["Manufacturer", "Status"]) {
      const box = await p.getByLabel(name).boundingBox();
      expect(box, name).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(390);
    }
    expect(await overflow()).toBe(0);
    await p.screenshot({ path: join(SCREENSHOTS, "showroom-390-stock.png"), fullPage: true });

    await p.goto(`${server.url}/#/vehicles/${AUDI}`);
    const box = p.getByLabel("Photo URLs, one per line");
    await expect.poll(() => box.isEnabled(), { timeout: 20_000 }).toBe(true);
    await box.fill("not a url");
    await p.getByRole("button", { name: "Upload" }).click();
    await expect.poll(() => p.getByTestId("upload-problems").count(), { timeout: 20_000 }).toBe(1);
    expect(await overflow()).toBe(0);
    await p.getByTestId("upload-problems").scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(SCREENSHOTS, "showroom-390-upload.png") });
    // Accepted photos are listed by URL: long ones wrap instead of widening the page.
    const long = `https://photos.example.com/showroom/${Date.now()}/a-rather-long-folder-name`;
    await box.fill([1, 2, 3].map((n) => `${long}/exterior-front-left-${n}.jpg`).join("\n"));
    await p.getByRole("button", { name: "Upload" }).click();
    await expect
      .poll(() => p.getByTestId("upload-outcomes").locator("li").count(), { timeout: 20_000 })
      .toBe(3);
    expect(await overflow()).toBe(0);
    await p.getByTestId("upload-outcomes").scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(SCREENSHOTS, "showroom-390-outcomes.png") });
  });

  it("a live view that ends in an error says it is reconnecting, and comes back by itself", async () => {
    // Every failure reaches the page at once: no retries, no breaker to wait out.
    const flaky = await gateway({ UPSTREAM_MAX_RETRIES: "0", UPSTREAM_BREAKER_FAILURES: "100000" });
    const control = flaky.emulators?.carcutter?.emulator.control;
    const events = flaky.runtime.events as ImageEventBus;
    control?.script({
      operation: CARCUTTER.imageStatuses.name,
      fault: { kind: "status", status: 503 },
      times: 10_000,
    });
    try {
      const p = await open(`${flaky.url}/#/vehicles/${AUDI}`);
      const live = p.getByTestId("live-state");
      // Opening the view reads the photos' statuses first, which fails: the view ends.
      await expect
        .poll(() => live.getAttribute("data-state"), { timeout: 20_000 })
        .toBe("reconnecting");
      expect(await live.innerText()).toMatch(/reconnecting in \d+ s/);
      expect(events.subscriptionCount).toBe(0);
      control?.reset();
      await expect
        .poll(() => events.subscriptionCount, { timeout: 40_000, interval: 200 })
        .toBeGreaterThan(0);
      await expect.poll(() => live.getAttribute("data-state"), { timeout: 5_000 }).toBe("live");
      expect(await live.innerText()).toBe("live");
    } finally {
      control?.reset();
    }
  });

  it("asks for a client key where the gateway has clients, and works once it is given", async () => {
    const key = "showroom-test-key-0123456789abcdef0123456789";
    const dir = await mkdtemp(join(tmpdir(), "forecourt-showroom-clients-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const clientsPath = join(dir, "clients.json");
    const keySha256 = createHash("sha256").update(key).digest("hex");
    await writeFile(clientsPath, JSON.stringify({ clients: [{ name: "showroom", keySha256 }] }));
    const keyed = await gateway({ CLIENTS_PATH: clientsPath });
    const p = await open(`${keyed.url}/`);
    await expect
      .poll(() => p.locator("section").innerText(), { timeout: 20_000 })
      .toMatch(/needs a client key/);
    await p.locator("summary", { hasText: "Settings" }).click();
    await p.getByLabel("Client key").fill(key);
    await p.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => p.getByTestId("stock-item").count(), { timeout: 20_000 }).toBe(6);
    await expect.poll(() => p.getByTestId("cost").first().innerText()).toMatch(/today/);
  });

  it("a CarCutter outage shows the banner and keeps the OneAuto part of the page", async () => {
    const control = server.emulators?.carcutter?.emulator.control;
    for (const operation of Object.values(CARCUTTER)) {
      control?.script({
        operation: operation.name,
        fault: { kind: "status", status: 503 },
        times: 10_000,
      });
    }
    try {
      const p = await open(`${server.url}/#/vehicles/${MUSTANG}`);
      const banner = p.getByTestId("outage-banner");
      await expect
        .poll(() => banner.innerText(), { timeout: 30_000 })
        .toMatch(/CarCutter .* is unavailable/);
      expect(await banner.innerText()).not.toMatch(/OneAuto/);
      // Stock photos come from OneAuto by VIN alone, in the model's default colour.
      const stock = p.getByTestId("stock-photo");
      await expect
        .poll(() => picturesLoaded(stock), { timeout: 30_000 })
        .toSatisfy((widths: number[]) => widths.length >= 1 && widths.every((w) => w > 0));
      expect(await p.getByTestId("stock-photos").innerText()).toMatch(/colour is unknown/);
    } finally {
      control?.reset();
    }
  });
});
