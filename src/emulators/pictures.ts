import { createHash } from "node:crypto";
import { createRequire } from "node:module";

// The encoders load with the first picture served: a gateway that embeds the emulators and never
// serves one (the benchmark's, a real API's stand-in) does not carry them.
const load = createRequire(import.meta.url);
const jpegJs = (): typeof import("jpeg-js") => load("jpeg-js");
const pngJs = (): typeof import("pngjs") => load("pngjs");

/**
 * Real image bytes for the emulators to serve: a flat car silhouette in a given colour. They need
 * not be pretty; they must decode in a browser and differ per input so caches can be checked.
 */

export type Rgb = readonly [number, number, number];

export interface PictureOptions {
  width?: number;
  height?: number;
  body: Rgb;
  /** Undefined for a transparent background (PNG only). */
  background?: Rgb;
}

/** A stable colour derived from any text, for pictures that only need to differ per input. */
export function colourOf(text: string): Rgb {
  const h = createHash("sha256").update(text).digest();
  return [h[0] ?? 0, h[1] ?? 0, h[2] ?? 0];
}

function paint(options: PictureOptions): { width: number; height: number; rgba: Buffer } {
  const width = options.width ?? 320;
  const height = options.height ?? 200;
  const rgba = Buffer.alloc(width * height * 4);
  const inside = (x: number, y: number): Rgb | undefined => {
    const body = y > height * 0.45 && y < height * 0.75 && x > width * 0.08 && x < width * 0.92;
    const cabin = y > height * 0.25 && y <= height * 0.45 && x > width * 0.28 && x < width * 0.7;
    const wheel = [0.27, 0.73].some(
      (cx) => (x - width * cx) ** 2 + (y - height * 0.75) ** 2 < (height * 0.12) ** 2,
    );
    if (wheel) return [30, 30, 30];
    if (cabin) return [170, 200, 220];
    if (body) return options.body;
    return undefined;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const c = inside(x, y) ?? options.background;
      if (!c) continue;
      rgba[o] = c[0];
      rgba[o + 1] = c[1];
      rgba[o + 2] = c[2];
      rgba[o + 3] = 255;
    }
  }
  return { width, height, rgba };
}

export function renderJpeg(options: PictureOptions): Buffer {
  const { width, height, rgba } = paint({
    ...options,
    background: options.background ?? [255, 255, 255],
  });
  return jpegJs().encode({ data: rgba, width, height }, 80).data;
}

/** An RGBA PNG; transparent wherever nothing is drawn when no background is given. */
export function renderPng(options: PictureOptions): Buffer {
  const { width, height, rgba } = paint(options);
  const { PNG } = pngJs();
  const png = new PNG({ width, height, colorType: 6 });
  rgba.copy(png.data);
  return PNG.sync.write(png, { colorType: 6 });
}
