import { PNG } from "pngjs";

/** A 2×2 RGBA PNG: the smallest upload CarCutter's binary parts accept. */
export function tinyRgbaPng(): Buffer {
  const png = new PNG({ width: 2, height: 2, colorType: 6 });
  png.data.fill(255);
  return PNG.sync.write(png, { colorType: 6 });
}

/** A 2×2 RGB PNG (no alpha), which CarCutter's binary parts refuse. */
export function tinyRgbPng(): Buffer {
  const png = new PNG({ width: 2, height: 2, colorType: 2 });
  png.data.fill(255);
  return PNG.sync.write(png, { colorType: 2 });
}

export const pngBlob = (bytes: Uint8Array) =>
  new Blob([new Uint8Array(bytes)], { type: "image/png" });

export async function decodePng(res: Response): Promise<PNG> {
  return PNG.sync.read(Buffer.from(await res.arrayBuffer()));
}

/** RGBA of one pixel. */
export function pixel(png: PNG, x: number, y: number): [number, number, number, number] {
  const o = (y * png.width + x) * 4;
  return [png.data[o] ?? -1, png.data[o + 1] ?? -1, png.data[o + 2] ?? -1, png.data[o + 3] ?? -1];
}
