const paletteSize = 256;

/** A picture in at most 256 colours: the palette (0xRRGGBB, most frequent first) and each pixel's palette entry. */
export interface PalettedPicture {
  readonly palette: readonly number[];
  readonly indices: Uint8Array;
}

// Pixels are read four bytes at a time; which byte of the word is red depends on the machine.
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const [redShift, greenShift, blueShift] = littleEndian ? [0, 8, 16] : [24, 16, 8];
const colourMask = littleEndian ? 0x00ffffff : 0xffffff00;

/** The pixels as words of four bytes, the bytes of each pixel in one word. */
function pixelWords(rgba: Uint8Array, count: number): Uint32Array {
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  return new Uint32Array(aligned.buffer, aligned.byteOffset, count);
}

/** A pixel word as 0xRRGGBB. */
function rgbOf(word: number): number {
  return (((word >>> redShift) & 255) << 16) | (((word >>> greenShift) & 255) << 8) | ((word >>> blueShift) & 255);
}

/** How many pixels have each colour (alpha left out: the pictures are opaque), counting each run of one colour at once. */
function colourCounts(pixels: Uint32Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (let p = 0; p < pixels.length;) {
    const colour = (pixels[p] ?? 0) & colourMask;
    let end = p + 1;
    while (end < pixels.length && ((pixels[end] ?? 0) & colourMask) === colour) end += 1;
    counts.set(colour, (counts.get(colour) ?? 0) + end - p);
    p = end;
  }
  return counts;
}

/** The entry nearest a colour, weighting green most and blue least as the eye does (the first of equals wins). */
function nearest(colour: number, entries: readonly number[]): number {
  const r = (colour >> 16) & 255;
  const g = (colour >> 8) & 255;
  const b = colour & 255;
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i] ?? 0;
    const dr = r - ((entry >> 16) & 255);
    const dg = g - ((entry >> 8) & 255);
    const db = b - (entry & 255);
    const distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
    if (distance < bestDistance) [best, bestDistance] = [i, distance];
  }
  return best;
}

/**
 * The 256 most frequent colours of an opaque RGBA picture, and for every pixel the entry nearest its colour.
 * Charts are a few flat colours plus anti-aliased edges, so the most frequent colours carry the picture.
 */
export function palettedPicture(rgba: Uint8Array, width: number, height: number): PalettedPicture {
  const pixels = pixelWords(rgba, width * height);
  const counts = [...colourCounts(pixels)].map(([word, count]) => ({ word, rgb: rgbOf(word), count }));
  counts.sort((a, b) => b.count - a.count || a.rgb - b.rgb);
  const palette = counts.slice(0, paletteSize).map((colour) => colour.rgb);
  const indexOf = new Map(counts.map((colour, i) => [colour.word, i < paletteSize ? i : nearest(colour.rgb, palette)]));
  const indices = new Uint8Array(pixels.length);
  let previous = -1;
  let index = 0;
  for (let p = 0; p < pixels.length; p += 1) {
    const colour = (pixels[p] ?? 0) & colourMask;
    if (colour !== previous) [previous, index] = [colour, indexOf.get(colour) ?? 0];
    indices[p] = index;
  }
  return { palette, indices };
}
