// Reads back the 8-bit palette PNGs the chart renderer writes, so tests can look at pixels.
import { inflateSync } from "node:zlib";

/** A decoded image: its size, each pixel's colour and grey level (0 black - 255 white). */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  rgb(x: number, y: number): [number, number, number];
  grey(x: number, y: number): number;
}

/** The PNG signature every PNG file starts with. */
export const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(png);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes an 8-bit palette PNG whose rows are unfiltered (what indexedPng writes). */
export function decodePalettePng(png: Uint8Array): Pixels {
  const bytes = Buffer.from(png);
  const { width, height } = pngSize(png);
  if (bytes[24] !== 8 || bytes[25] !== 3) throw new Error("expected an 8-bit palette PNG");
  let palette = Buffer.alloc(0);
  const data: Buffer[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === "PLTE") palette = body;
    if (type === "IDAT") data.push(body);
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  const rgb = (x: number, y: number): [number, number, number] => {
    const row = y * (width + 1);
    if (rows[row] !== 0) throw new Error("expected unfiltered rows");
    const index = rows[row + 1 + x] ?? 0;
    const [r = 0, g = 0, b = 0] = palette.subarray(3 * index, 3 * index + 3);
    return [r, g, b];
  };
  return {
    width,
    height,
    rgb,
    grey(x, y) {
      const [r, g, b] = rgb(x, y);
      return Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    },
  };
}

/** How many pixels in a rectangle are darker than `threshold`. */
export function darkPixels(pixels: Pixels, area: { x: number; y: number; width: number; height: number }, threshold = 100): number {
  let count = 0;
  for (let y = area.y; y < area.y + area.height; y += 1) for (let x = area.x; x < area.x + area.width; x += 1) if (pixels.grey(x, y) < threshold) count += 1;
  return count;
}
