/** Code point ranges (inclusive) of the characters the chart subset of DejaVu Sans keeps. */
export const chartSubsetRanges: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // Basic Latin: digits, letters, punctuation
  [0xa0, 0x17f], // Latin-1 Supplement and Latin Extended-A: most group names
  [0x2010, 0x2027], // dashes, quotes, bullet and the ellipsis Vega adds to cut labels
  [0x2030, 0x203a], // per mille, primes, angle quotes
  [0x20ac, 0x20ac], // euro sign
  [0x2122, 0x2122], // trade mark sign
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212], // the minus sign d3-format writes for negative numbers
  [0x2581, 0x2588], // the blocks of text sparklines
];

/** Every character of the chart subset, as one string (what the subsetter is given). */
export function chartSubsetText(): string {
  return chartSubsetRanges
    .flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i)))
    .join("");
}

const outsideSubset = new RegExp(
  `[^\\t\\n\\r${chartSubsetRanges.map(([first, last]) => `\\u{${first.toString(16)}}-\\u{${last.toString(16)}}`).join("")}]`,
  "u",
);
const characterReference = /&#(x[0-9a-f]+|[0-9]+);/giu;

/** Whether every character of an SVG's text and markup (character references included) is in the chart subset. */
export function drawsOnlySubsetCharacters(svg: string): boolean {
  if (outsideSubset.test(svg)) return false;
  for (const [, code = ""] of svg.matchAll(characterReference)) {
    const point = code.startsWith("x") || code.startsWith("X") ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    if (point > 0x10ffff || outsideSubset.test(String.fromCodePoint(point))) return false;
  }
  return true;
}
