import { describe, expect, it } from "vitest";
import { indexedPng } from "../../src/chart-renderer/indexed-png.js";
import { decodePalettePng, pngSignature, pngSize } from "./decode-png.js";

function rgba(pixels: readonly (readonly [number, number, number])[]): Uint8Array {
  return new Uint8Array(pixels.flatMap(([r, g, b]) => [r, g, b, 255]));
}

describe("saving a chart as a palette PNG", () => {
  it("keeps every colour exactly when there are 256 or fewer", async () => {
    const colours: [number, number, number][] = [
      [255, 255, 255],
      [0, 114, 178],
      [230, 159, 0],
      [0, 0, 0],
    ];
    const png = await indexedPng(rgba(colours), 2, 2);
    expect([...png.subarray(0, 8)]).toEqual(pngSignature);
    expect(pngSize(png)).toEqual({ width: 2, height: 2 });
    const image = decodePalettePng(png);
    expect([image.rgb(0, 0), image.rgb(1, 0), image.rgb(0, 1), image.rgb(1, 1)]).toEqual(colours);
  });

  it("reads the pixels wherever they start in memory", async () => {
    const colours: [number, number, number][] = [
      [255, 255, 255],
      [0, 114, 178],
      [230, 159, 0],
    ];
    const shifted = new Uint8Array(1 + colours.length * 4);
    shifted.set(rgba(colours), 1);
    const png = await indexedPng(shifted.subarray(1), 3, 1);
    expect(png).toEqual(await indexedPng(rgba(colours), 3, 1));
    const image = decodePalettePng(png);
    expect([image.rgb(0, 0), image.rgb(1, 0), image.rgb(2, 0)]).toEqual(colours);
  });

  it("maps rare colours to the nearest of the 256 most frequent when there are more", async () => {
    // 300 distinct greys, the first 256 of them twice as common: the rare ones land on a close grey.
    const greys = Array.from({ length: 300 }, (_, i) => Math.round((i * 255) / 299));
    const pixels = [...greys.slice(0, 256).flatMap((g) => [g, g]), ...greys.slice(256)].map((g) => [g, g, g] as const);
    const width = pixels.length;
    const image = decodePalettePng(await indexedPng(rgba(pixels), width, 1));
    for (let x = 0; x < width; x += 1)
      expect(Math.abs(image.grey(x, 0) - (pixels[x]?.[0] ?? 0))).toBeLessThanOrEqual(12);
  });
});
