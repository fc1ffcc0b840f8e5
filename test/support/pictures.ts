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
