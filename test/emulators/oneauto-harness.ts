import { PNG } from "pngjs";
import { ManualClock } from "../../src/emulators/clock.js";
import { OneAutoEmulator } from "../../src/emulators/oneauto/emulator.js";
import { listen, type RunningServer } from "../../src/emulators/serve.js";
import { imageFromIdResponseDto } from "../../src/upstreams/oneauto/dto.js";

/** A OneAuto emulator on a free port, driven by a ManualClock, with helpers for its API. */
export interface OneAutoHarness {
  emulator: OneAutoEmulator;
  clock: ManualClock;
  server: RunningServer;
  /** GET `path` (with query) with the valid API key unless `key` says otherwise (null: none). */
  api(path: string, options?: { key?: string | null; method?: string }): Promise<Response>;
  /** GET /vehicleimagery/imagefromid with `query`; fails the test unless it answers a link. */
  linkFor(query: Record<string, string>): Promise<URL>;
  close(): Promise<void>;
}

export const API_KEY = "test-oneauto-key";

export async function startOneAuto(signingSecret?: string): Promise<OneAutoHarness> {
  const clock = new ManualClock();
  const emulator = new OneAutoEmulator({
    apiKey: API_KEY,
    clock,
    ...(signingSecret === undefined ? {} : { signingSecret }),
  });
  const server = await listen(emulator.app, 0);
  const api: OneAutoHarness["api"] = (path, options = {}) => {
    const key = options.key === undefined ? API_KEY : options.key;
    const headers: Record<string, string> = key === null ? {} : { "x-api-key": key };
    return fetch(`${server.url}${path}`, { method: options.method ?? "GET", headers });
  };
  return {
    emulator,
    clock,
    server,
    api,
    async linkFor(query) {
      const res = await api(`/vehicleimagery/imagefromid?${new URLSearchParams(query)}`);
      const text = await res.text();
      if (res.status !== 200) throw new Error(`imagefromid answered ${res.status}: ${text}`);
      return new URL(imageFromIdResponseDto.parse(JSON.parse(text)).result.image_url);
    },
    close: () => server.close(),
  };
}

export async function decodePng(res: Response): Promise<PNG> {
  return PNG.sync.read(Buffer.from(await res.arrayBuffer()));
}

/** RGBA of one pixel. */
export function pixel(png: PNG, x: number, y: number): [number, number, number, number] {
  const o = (y * png.width + x) * 4;
  return [png.data[o] ?? -1, png.data[o + 1] ?? -1, png.data[o + 2] ?? -1, png.data[o + 3] ?? -1];
}

/** The colour segment of a signed link's path: the colour actually served. */
export function servedColour(link: URL): string | undefined {
  return link.pathname.split("/")[4];
}
