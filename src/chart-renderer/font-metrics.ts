import { readFileSync } from "node:fs";

/** Horizontal advances of a TrueType font's characters, in em, read from its own tables. */
export interface FontMetrics {
  /** The width of `text` at `fontSize` pixels, without kerning. */
  width(text: string, fontSize: number): number;
}

function tables(font: Buffer): Map<string, number> {
  const offsets = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i += 1) {
    const record = 12 + 16 * i;
    offsets.set(font.toString("latin1", record, record + 4), font.readUInt32BE(record + 8));
  }
  return offsets;
}

function table(offsets: Map<string, number>, tag: string): number {
  const offset = offsets.get(tag);
  if (offset === undefined) throw new Error(`font has no ${tag} table`);
  return offset;
}

/** The glyph of each Basic Multilingual Plane character, from the Windows Unicode cmap (format 4). */
function glyphLookup(font: Buffer, cmap: number): (code: number) => number {
  const count = font.readUInt16BE(cmap + 2);
  let subtable: number | undefined;
  for (let i = 0; i < count; i += 1) {
    const record = cmap + 4 + 8 * i;
    if (font.readUInt16BE(record) === 3 && font.readUInt16BE(record + 2) === 1)
      subtable = cmap + font.readUInt32BE(record + 4);
  }
  if (subtable === undefined || font.readUInt16BE(subtable) !== 4)
    throw new Error("font has no Unicode BMP character map");
  const start = subtable;
  const segments = font.readUInt16BE(start + 6) / 2;
  const ends = start + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (code) => {
    for (let i = 0; i < segments; i += 1) {
      if (code > font.readUInt16BE(ends + 2 * i)) continue;
      const first = font.readUInt16BE(starts + 2 * i);
      if (code < first) return 0;
      const delta = font.readInt16BE(deltas + 2 * i);
      const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * i);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsets + 2 * i + rangeOffset + 2 * (code - first));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** Reads a TrueType font's advance widths so chart layout measures text the way the renderer will draw it. */
export function readFontMetrics(file: string): FontMetrics {
  const font = readFileSync(file);
  const offsets = tables(font);
  const unitsPerEm = font.readUInt16BE(table(offsets, "head") + 18);
  const longMetrics = font.readUInt16BE(table(offsets, "hhea") + 34);
  const hmtx = table(offsets, "hmtx");
  const glyphOf = glyphLookup(font, table(offsets, "cmap"));
  const cache = new Map<number, number>();
  const advance = (code: number): number => {
    let em = cache.get(code);
    if (em === undefined) {
      const glyph = Math.min(glyphOf(code > 0xffff ? 0 : code), longMetrics - 1);
      em = font.readUInt16BE(hmtx + 4 * glyph) / unitsPerEm;
      cache.set(code, em);
    }
    return em;
  };
  return {
    width(text, fontSize) {
      let em = 0;
      for (const char of text) em += advance(char.codePointAt(0) ?? 0);
      return em * fontSize;
    },
  };
}
