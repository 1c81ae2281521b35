import { encode } from "fast-png";

const paletteSize = 256;

function distance(a: number, b: number): number {
  const dr = ((a >> 16) & 255) - ((b >> 16) & 255);
  const dg = ((a >> 8) & 255) - ((b >> 8) & 255);
  const db = (a & 255) - (b & 255);
  return 3 * dr * dr + 4 * dg * dg + 2 * db * db;
}

/** The most frequent colours, and for every colour in the image the palette entry nearest to it. */
function palette(colours: Map<number, number>): { entries: number[]; indexOf: Map<number, number> } {
  const entries = [...colours.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, paletteSize)
    .map(([colour]) => colour);
  const indexOf = new Map<number, number>();
  for (const colour of colours.keys()) {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    entries.forEach((entry, i) => {
      const d = distance(colour, entry);
      if (d < bestDistance) [best, bestDistance] = [i, d];
    });
    indexOf.set(colour, best);
  }
  return { entries, indexOf };
}

/**
 * An 8-bit palette PNG of opaque RGBA pixels. Charts are a few flat colours plus anti-aliased edges,
 * so the most frequent 256 colours carry the picture and the file is a third of the RGBA PNG:
 * small enough to travel inline in a Teams card. General quantisers (image-q) took 10 to 60 times
 * longer on these images for no visible gain, so the palette is chosen here; fast-png writes the file.
 */
export function indexedPng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const pixels = new Uint32Array(width * height);
  const colours = new Map<number, number>();
  for (let p = 0, i = 0; p < pixels.length; p += 1, i += 4)
    pixels[p] = ((rgba[i] ?? 0) << 16) | ((rgba[i + 1] ?? 0) << 8) | (rgba[i + 2] ?? 0);
  // Charts are mostly long runs of one colour, so runs are counted at once rather than pixel by pixel.
  for (let p = 0; p < pixels.length;) {
    const colour = pixels[p] ?? 0;
    let end = p + 1;
    while (end < pixels.length && pixels[end] === colour) end += 1;
    colours.set(colour, (colours.get(colour) ?? 0) + end - p);
    p = end;
  }
  const { entries, indexOf } = palette(colours);
  const indices = new Uint8Array(pixels.length);
  let previous = -1;
  let index = 0;
  for (let p = 0; p < pixels.length; p += 1) {
    const colour = pixels[p] ?? 0;
    if (colour !== previous) [previous, index] = [colour, indexOf.get(colour) ?? 0];
    indices[p] = index;
  }
  const rgb = entries.map((colour) => [(colour >> 16) & 255, (colour >> 8) & 255, colour & 255]);
  return encode({ width, height, data: indices, depth: 8, channels: 1, palette: rgb }, { zlib: { level: 9 } });
}
