import { describe, expect, it } from "vitest";
import { chartFontFiles } from "../../src/chart-renderer/chart-fonts.js";
import { readFontMetrics } from "../../src/chart-renderer/font-metrics.js";

const [regular = "", bold = ""] = chartFontFiles();

describe("measuring chart text with the shipped font", () => {
  it("finds DejaVu Sans in the dejavu-fonts-ttf package", () => {
    expect(regular).toMatch(/dejavu-fonts-ttf[\\/]ttf[\\/]DejaVuSans\.ttf$/);
    expect(bold).toMatch(/DejaVuSans-Bold\.ttf$/);
  });

  it("reads each character's advance from the font: 'i' is 1165/2048 em for four, 'M' 1767/2048 em each", () => {
    const metrics = readFontMetrics(regular);
    expect(metrics.width("iiii", 12)).toBeCloseTo((4 * 569 * 12) / 2048, 6);
    expect(metrics.width("MM", 10)).toBeCloseTo((2 * 1767 * 10) / 2048, 6);
    expect(metrics.width("", 12)).toBe(0);
  });

  it("measures bold wider than regular, and still measures characters outside the font", () => {
    expect(readFontMetrics(bold).width("Engaged", 12)).toBeGreaterThan(readFontMetrics(regular).width("Engaged", 12));
    expect(readFontMetrics(regular).width("😀", 12)).toBeGreaterThan(0);
  });
});
