/**
 * Reads a PNG's header without decoding it: enough to check that an upload is a PNG, and RGBA
 * where CarCutter demands it (license plate, overlay, background).
 */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 6 is truecolour with alpha (RGBA), 4 greyscale with alpha, 2 RGB, 3 palette, 0 greyscale. */
  colorType: number;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function readPngHeader(bytes: Uint8Array): PngHeader | undefined {
  if (bytes.length < 33) return undefined;
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The first chunk must be IHDR, 13 bytes long.
  if (view.getUint32(8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") {
    return undefined;
  }
  return {
    width: view.getUint32(16),
    height: view.getUint32(20),
    bitDepth: view.getUint8(24),
    colorType: view.getUint8(25),
  };
}

export function isRgbaPng(bytes: Uint8Array): boolean {
  return readPngHeader(bytes)?.colorType === 6;
}
