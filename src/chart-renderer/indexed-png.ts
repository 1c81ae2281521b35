import { promisify } from "node:util";
import { crc32, deflate } from "node:zlib";
import { palettedPicture } from "./chart-palette.js";

const deflateAsync = promisify(deflate);
const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Measured on 24 charts: level 7 with a small hash table writes files the size fast-png's level 9 wrote (1.6% smaller
// in all, none over 0.4% larger) in a third of the time of level 8; zlib's default table made them up to 8% larger.
const compression = { level: 7, memLevel: 4 };

function chunk(type: string, data: Uint8Array): Buffer {
  const bytes = Buffer.alloc(12 + data.length);
  bytes.writeUInt32BE(data.length, 0);
  bytes.write(type, 4, "latin1");
  bytes.set(data, 8);
  bytes.writeUInt32BE(crc32(bytes.subarray(4, 8 + data.length)), 8 + data.length);
  return bytes;
}

function header(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(13);
  bytes.writeUInt32BE(width, 0);
  bytes.writeUInt32BE(height, 4);
  bytes.set([8, 3, 0, 0, 0], 8); // 8 bits per pixel, palette colour, deflate, no filtering, not interlaced
  return bytes;
}

function scanlines(indices: Uint8Array, width: number, height: number): Uint8Array {
  const lines = new Uint8Array(height * (width + 1)); // each line starts with filter type 0 (none)
  for (let y = 0; y < height; y += 1) lines.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return lines;
}

/**
 * An 8-bit palette PNG of opaque RGBA pixels, a third of the size of the RGBA PNG: small enough to travel inline in
 * a Teams card. Node's own zlib compresses it on the thread pool (fast-png's JavaScript deflate took most of a
 * chart's time), so the PNG's four chunks are written here.
 */
export async function indexedPng(rgba: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const { palette, indices } = palettedPicture(rgba, width, height);
  const colours = Buffer.alloc(palette.length * 3);
  palette.forEach((colour, i) => colours.writeUIntBE(colour, i * 3, 3));
  const compressed = await deflateAsync(scanlines(indices, width, height), compression);
  const parts = [
    signature,
    chunk("IHDR", header(width, height)),
    chunk("PLTE", colours),
    chunk("IDAT", compressed),
    chunk("IEND", new Uint8Array()),
  ];
  // A file of its own rather than a view into Node's shared pool of small buffers.
  const png = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  parts.reduce((offset, part) => (png.set(part, offset), offset + part.length), 0);
  return png;
}
