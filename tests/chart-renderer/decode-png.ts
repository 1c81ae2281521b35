// Reads back the 8-bit palette PNGs the chart renderer writes, so tests can look at pixels.
import { decode } from "fast-png";

/** A decoded image: its size, each pixel's colour and grey level (0 black - 255 white). */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  rgb(x: number, y: number): [number, number, number];
  grey(x: number, y: number): number;
}

/** The PNG signature every PNG file starts with. */
export const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height of a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const { width, height } = decode(png);
  return { width, height };
}

/** Decodes an 8-bit palette PNG (what indexedPng writes). */
export function decodePalettePng(png: Uint8Array): Pixels {
  const image = decode(png);
  if (image.depth !== 8 || image.channels !== 1 || !image.palette) throw new Error("expected an 8-bit palette PNG");
  const palette = image.palette;
  const rgb = (x: number, y: number): [number, number, number] => {
    const [r = 0, g = 0, b = 0] = palette[image.data[y * image.width + x] ?? 0] ?? [];
    return [r, g, b];
  };
  return {
    width: image.width,
    height: image.height,
    rgb,
    grey(x, y) {
      const [r, g, b] = rgb(x, y);
      return Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    },
  };
}

/** How many pixels in a rectangle are darker than `threshold`. */
export function darkPixels(
  pixels: Pixels,
  area: { x: number; y: number; width: number; height: number },
  threshold = 100,
): number {
  let count = 0;
  for (let y = area.y; y < area.y + area.height; y += 1)
    for (let x = area.x; x < area.x + area.width; x += 1) if (pixels.grey(x, y) < threshold) count += 1;
  return count;
}
