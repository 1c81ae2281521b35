import { crc32, deflateSync } from "node:zlib";

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const paletteSize = 256;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

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
 * small enough to travel inline in a Teams card.
 */
export function indexedPng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const pixels = new Uint32Array(width * height);
  const colours = new Map<number, number>();
  for (let p = 0, i = 0; p < pixels.length; p += 1, i += 4) pixels[p] = ((rgba[i] ?? 0) << 16) | ((rgba[i + 1] ?? 0) << 8) | (rgba[i + 2] ?? 0);
  // Charts are mostly long runs of one colour, so runs are counted at once rather than pixel by pixel.
  for (let p = 0; p < pixels.length; ) {
    const colour = pixels[p] ?? 0;
    let end = p + 1;
    while (end < pixels.length && pixels[end] === colour) end += 1;
    colours.set(colour, (colours.get(colour) ?? 0) + end - p);
    p = end;
  }
  const { entries, indexOf } = palette(colours);
  const rows = Buffer.alloc((width + 1) * height);
  let previous = -1;
  let index = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const colour = pixels[y * width + x] ?? 0;
      if (colour !== previous) [previous, index] = [colour, indexOf.get(colour) ?? 0];
      rows[y * (width + 1) + 1 + x] = index;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  const plte = Buffer.from(entries.flatMap((colour) => [(colour >> 16) & 255, (colour >> 8) & 255, colour & 255]));
  return new Uint8Array(
    Buffer.concat([signature, chunk("IHDR", header), chunk("PLTE", plte), chunk("IDAT", deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0))]),
  );
}
