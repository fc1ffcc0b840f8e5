import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, startGateway } from "../support/gateway.js";

/**
 * `/` serves the showroom's build (read once, from memory, only its own files), or, unbuilt or
 * off, a short page pointing at the API: never an empty 404.
 */

let build: string;
const started: GatewayHarness[] = [];
async function gateway(env: Record<string, string>): Promise<GatewayHarness> {
  const h = await startGateway({ env });
  started.push(h);
  return h;
}

beforeAll(async () => {
  build = await mkdtemp(join(tmpdir(), "forecourt-showroom-files-"));
  await mkdir(join(build, "assets"));
  await writeFile(join(build, "index.html"), "<!doctype html><title>built showroom</title>");
  await writeFile(join(build, "assets", "index-abc123.js"), "console.log('showroom')");
  await writeFile(join(build, "assets", "notes.txt"), "not a web asset");
});
afterAll(async () => {
  await Promise.all(started.map((h) => h.close()));
  await rm(build, { recursive: true, force: true });
});

describe("the showroom at /", () => {
  it("serves the built page (revalidated, with its own CSP) and its hashed assets (cached a year)", async () => {
    const h = await gateway({ SHOWROOM_DIR: build });
    const page = await h.fetch("/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    expect(await page.text()).toContain("built showroom");
    const asset = await h.fetch("/assets/index-abc123.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(asset.headers.get("cache-control")).toMatch(/immutable/);
    expect(await asset.text()).toContain("showroom");
    const head = await h.fetch("/", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it.each([
    "/assets/missing.js",
    "/assets/notes.txt",
    "/assets/",
    "/assets/%2e%2e/%2e%2e/package.json",
  ])("%s is not found: only the build's own web files exist", async (path) => {
    const h = await gateway({ SHOWROOM_DIR: build });
    const response = await h.fetch(path);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("forecourt");
  });

  it("unbuilt: / says how to build it and where the API is", async () => {
    const h = await gateway({ SHOWROOM_DIR: join(build, "nowhere") });
    const page = await h.fetch("/");
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toMatch(/npm run build/);
    expect(text).toContain('href="/graphql"');
  });

  it("off (the production default): / is the landing page, and no asset is served", async () => {
    const h = await gateway({ SHOWROOM_DIR: build, NODE_ENV: "production" });
    const text = await (await h.fetch("/")).text();
    expect(text).toMatch(/SHOWROOM=false/);
    expect(text).not.toContain("built showroom");
    expect((await h.fetch("/assets/index-abc123.js")).status).toBe(404);
    // GraphiQL is off in production too: the page does not send people to it.
    expect(text).not.toMatch(/GraphiQL/);
  });
});
