import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { STATE_FILE_NAME } from "../../src/emulators/carcutter/state-file.js";
import { type RunningServer, startServer } from "../../src/server.js";
import { CARCUTTER } from "../../src/upstreams/carcutter/dto.js";
import { localServerConfig } from "../support/server.js";

/**
 * `npm start` with no configuration, twice in a row: the built-in CarCutter account is kept
 * beside the file ledger, so after a restart the two still agree, and the photos the account
 * starts with are in the ledger from the first start.
 */

const AUDI = "WAUZZZ8K9BA123456";
const SUBMIT = `mutation ($input: SubmitImagesInput!) {
  submitImages(input: $input) { ... on SubmitImagesPayload { results { url outcome } } }
}`;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "forecourt-embedded-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer(localServerConfig({ FORECOURT_DATA_DIR: dir, ...env }));
}

async function graphql(s: RunningServer, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${s.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data ?? {};
}

describe("the embedded default (built-in emulators, file ledger)", () => {
  it("lists the seeded photos of a vehicle on the first start, at every stage", async () => {
    const s = await start(await dataDir());
    cleanups.push(() => s.close());
    const data = await graphql(
      s,
      `{ vehicle(vehicleId: "${AUDI}") { images { url status quality submittedAt } } }`,
    );
    const images = (data.vehicle as { images: { status: string; quality: string | null }[] })
      .images;
    expect(images).toHaveLength(4);
    expect(images.every((image) => image.status === "FINAL")).toBe(true);
    expect(images.map((image) => image.quality)).toContain("RETAKE");
    // Across the whole stock: every stage the seed has.
    const stock = await graphql(
      s,
      "{ vehicles(first: 50) { edges { node { images { status } } } } }",
    );
    const statuses = new Set(
      (stock.vehicles as { edges: { node: { images: { status: string }[] } }[] }).edges.flatMap(
        (edge) => edge.node.images.map((i) => i.status),
      ),
    );
    expect([...statuses].sort()).toEqual(["ERROR", "EXPIRED", "FINAL", "PROCESSING", "RAW"]);
    // A seeded photo is known: sending it again costs nothing.
    const again = await graphql(s, SUBMIT, {
      input: {
        vehicleId: AUDI,
        urls: [`https://images.forecourt-demo.example/${AUDI}/front.jpg`],
        processing: { cutType: "NORMAL" },
      },
    });
    expect(JSON.stringify(again)).toContain('"outcome":"ALREADY_SUBMITTED"');
    expect(s.emulators?.carcutter?.emulator.control.count(CARCUTTER.submitImages.name)).toBe(0);
  });

  it("after a restart, the emulator and the ledger still agree on what was submitted", async () => {
    const dir = await dataDir();
    const url = `https://photos.example.com/restart/${randomUUID()}.jpg`;
    const input = { vehicleId: AUDI, urls: [url], processing: { cutType: "NORMAL" } };
    const first = await start(dir);
    const credits = first.emulators?.carcutter?.emulator.credits() ?? 0;
    expect(JSON.stringify(await graphql(first, SUBMIT, { input }))).toContain(
      '"outcome":"ACCEPTED"',
    );
    await first.close();

    const second = await start(dir);
    cleanups.push(() => second.close());
    const emulator = second.emulators?.carcutter?.emulator;
    expect(emulator?.credits()).toBe(credits - 1);
    const data = await graphql(second, `{ image(url: "${url}") { status vehicle { vehicleId } } }`);
    expect((data.image as { status: string }).status).not.toBe("UNKNOWN");
    expect(data.image).toMatchObject({ vehicle: { vehicleId: AUDI } });
    // The README's mutation again: already submitted, and the emulator agrees it never came twice.
    expect(JSON.stringify(await graphql(second, SUBMIT, { input }))).toContain(
      '"outcome":"ALREADY_SUBMITTED"',
    );
    expect(emulator?.submissions().filter((s) => s.imageUrls.includes(url))).toHaveLength(1);
    // The seed is not recorded a second time.
    const images = await graphql(second, `{ vehicle(vehicleId: "${AUDI}") { images { url } } }`);
    expect((images.vehicle as { images: unknown[] }).images).toHaveLength(5);
  });

  it("a broken state file stops the start with a message naming the file and the way out", async () => {
    const dir = await dataDir();
    const path = join(dir, STATE_FILE_NAME);
    await writeFile(path, "{ not json");
    await expect(start(dir)).rejects.toThrow(
      new RegExp(`${path.replaceAll(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*not JSON.*delete it`),
    );
    await writeFile(path, JSON.stringify({ version: 1, credits: -3 }));
    await expect(start(dir)).rejects.toThrow(/credits/);
    // Left as it was: nothing overwrote the operator's file.
    expect(await readFile(path, "utf8")).toContain('"credits":-3');
  });

  it("stock photo links are on the gateway's origin, and the gateway serves the picture", async () => {
    const s = await start(await dataDir());
    cleanups.push(() => s.close());
    const data = await graphql(
      s,
      `{ vehicle(vehicleId: "${AUDI}") { stockPhotos(views: [FRONT_LEFT]) { url } } }`,
    );
    const [photo] = (data.vehicle as { stockPhotos: { url: string }[] }).stockPhotos;
    const link = photo?.url ?? "";
    // The emulator's own port is not where a browser in front of a container can go.
    expect(link.startsWith(`${s.url}/emulator/oneauto/cdn/vehicleimagery/`)).toBe(true);
    const oneauto = s.emulators?.oneauto?.emulator.control;
    const served = oneauto?.count("GET /cdn") ?? 0;
    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    // The emulator answered it (in process), as its object store would.
    expect(oneauto?.count("GET /cdn")).toBe(served + 1);
    // Its signature is still checked: a tampered link is refused as S3 refuses it.
    const tampered = new URL(link);
    tampered.searchParams.set("X-Amz-Expires", "60");
    const refused = await fetch(tampered);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("<Code>SignatureDoesNotMatch</Code>");
  });

  it("with PUBLIC_URL, stock photo links are on the public origin, under the same path", async () => {
    const publicUrl = "https://forecourt.example.com";
    const s = await start(await dataDir(), { PUBLIC_URL: publicUrl });
    cleanups.push(() => s.close());
    const data = await graphql(
      s,
      `{ vehicle(vehicleId: "${AUDI}") { stockPhotos(views: [FRONT_LEFT]) { url } } }`,
    );
    const link = (data.vehicle as { stockPhotos: { url: string }[] }).stockPhotos[0]?.url ?? "";
    expect(link.startsWith(`${publicUrl}/emulator/oneauto/cdn/vehicleimagery/`)).toBe(true);
    // The same link, asked of this instance directly (as the proxy at PUBLIC_URL would).
    const direct = new URL(link);
    const res = await fetch(`${s.url}${direct.pathname}${direct.search}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
  });
});
