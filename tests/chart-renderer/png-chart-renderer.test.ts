import { beforeAll, describe, expect, it } from "vitest";
import { separateChart } from "../../src/chart-renderer/chart-shape.js";
import { createPngChartRenderer } from "../../src/chart-renderer/png-chart-renderer.js";
import { svgOfChart } from "../../src/chart-renderer/svg-of-chart.js";
import { climateChartSpec } from "../../src/views/charts/climate-chart.js";
import { overviewChartSpec } from "../../src/views/charts/overview-chart.js";
import { climateSeries } from "../../src/core/climate/index.js";
import { climateOf, earlyThenMiddle, fiveSessions, fiveSessionSeries, gcq } from "../support/charted-climates.js";
import { darkPixels, decodePalettePng, pngSignature, pngSize } from "./decode-png.js";

const series = fiveSessionSeries;
const phases = earlyThenMiddle;
const renderer = createPngChartRenderer();
const full = climateChartSpec("Chronic pain skills, Tuesday evening", series, phases, "full");
const compact = climateChartSpec("Chronic pain skills, Tuesday evening", series, phases, "compact");
// The title's first line: left padding 16 px, cap height within the top 40 px.
const titleArea = { x: 16, y: 10, width: 300, height: 25 };

describe("drawing a climate chart as PNG", () => {
  let fullPng: Uint8Array;
  let compactPng: Uint8Array;
  beforeAll(async () => {
    [fullPng, compactPng] = await Promise.all([renderer.renderPng(full), renderer.renderPng(compact)]);
  });

  it("writes a valid PNG of about 800 by 550 pixels, readable at chat-preview size", () => {
    const png = fullPng;
    expect([...png.subarray(0, 8)]).toEqual(pngSignature);
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThanOrEqual(780);
    expect(width).toBeLessThanOrEqual(840);
    expect(height).toBeGreaterThanOrEqual(480);
    expect(height).toBeLessThanOrEqual(600);
  });

  it("draws a compact copy small enough to travel inline in a Teams card (under 20 KB, so under 27 KB as base64)", () => {
    const png = compactPng;
    const { width, height } = pngSize(png);
    expect(width).toBeLessThanOrEqual(540);
    expect(height).toBeLessThanOrEqual(400);
    expect(png.byteLength).toBeLessThan(20_000);
    expect(fullPng.byteLength).toBeLessThan(40_000);
  });

  it("lays out the title, legend, axes and labels as text", async () => {
    const svg = await svgOfChart(full);
    for (const label of [
      "Chronic pain skills, Tuesday evening",
      "Engaged",
      "Avoiding",
      "Conflict",
      "Session",
      "Mean score (0-6)",
      "middle phase",
      "too few answers",
      "6/7",
    ]) {
      expect(svg).toContain(`>${label}<`);
    }
    expect(svg).toContain('font-family="DejaVu Sans');
  });

  it("really draws the text: the title area has dark pixels with the shipped font and none without it", async () => {
    const withFont = decodePalettePng(fullPng);
    const withoutFont = decodePalettePng(await createPngChartRenderer({ fontFiles: [] }).renderPng(full));
    expect(darkPixels(withFont, titleArea)).toBeGreaterThan(500);
    expect(darkPixels(withoutFont, titleArea)).toBe(0);
  });

  it("draws a chart the same whether its shape is new or was just drawn for a wider chart with other figures", async () => {
    const otherFigures = fiveSessions.map((climate) =>
      climate.session.number === 3
        ? climate
        : climateOf(
            climate.session.number,
            { engaged: [5.2, 0.4, 6], avoiding: [0.8, 0.3, 6], conflict: [2.6, 1.1, 6] },
            { respondents: 6, invited: 9 },
          ),
    );
    const other = climateChartSpec(
      "A group whose name is far longer than the chart is wide, so that its title widens the whole picture",
      climateSeries(otherFigures, gcq),
      phases,
      "full",
    );
    expect(separateChart(other).key).toBe(separateChart(full).key);
    const otherPng = await renderer.renderPng(other);
    expect(pngSize(otherPng).width).toBeGreaterThan(pngSize(fullPng).width);
    expect(Buffer.from(await renderer.renderPng(full)).equals(Buffer.from(fullPng))).toBe(true);
  });

  it("turns down a chart it cannot draw", async () => {
    await expect(renderer.renderPng({ mark: "no-such-mark", data: { values: [] } })).rejects.toThrow();
  });
});

describe("drawing the small-multiples overview", () => {
  it("draws 20 groups in one picture", async () => {
    const panels = Array.from({ length: 20 }, (_, i) => ({ title: `Group ${i + 1}`, series }));
    const png = await renderer.renderPng(overviewChartSpec(panels, "full"));
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThanOrEqual(600);
    expect(width).toBeLessThanOrEqual(860);
    expect(height).toBeGreaterThan(700);
    const svg = await svgOfChart(overviewChartSpec(panels, "full"));
    expect(svg).toContain(">Group 20<");
    expect(svg).toContain(">Group climate across 20 groups<");
  });
});
