import { describe, expect, it } from "vitest";
import { separateChart } from "../../src/chart-renderer/chart-shape.js";
import { svgOfChart } from "../../src/chart-renderer/svg-of-chart.js";
import { climateChartSpec } from "../../src/views/charts/climate-chart.js";
import { earlyThenMiddle, fiveSessionSeries } from "../support/charted-climates.js";

const points = (values: object[]) => ({
  mark: "point",
  encoding: { x: { field: "b", type: "quantitative" } },
  data: { values },
});

describe("drawing a chart as SVG", () => {
  it("draws several groups' charts of one shape at once, each with its own title", async () => {
    const titles = ["Pain skills, Tuesday", "Heart group, Thursday", "Diabetes, Monday"];
    const specs = titles.map((title) => climateChartSpec(title, fiveSessionSeries, earlyThenMiddle, "compact"));
    expect(new Set(specs.map((spec) => separateChart(spec).key)).size).toBe(1);
    const svgs = await Promise.all(specs.map(svgOfChart));
    svgs.forEach((svg, i) => {
      for (const [j, title] of titles.entries()) expect(svg.includes(`>${title}<`)).toBe(i === j);
    });
  });

  it("draws a chart whose top-level data no layer uses, which Vega-Lite leaves out", async () => {
    const svg = await svgOfChart({ data: { values: [{ a: 1 }] }, layer: [points([{ b: 3 }])] });
    expect(svg).toContain("mark-symbol");
  });

  it("draws a chart with a parameter nothing uses", async () => {
    const svg = await svgOfChart({ params: [{ name: "unused", value: 3 }], ...points([{ b: 1 }]) });
    expect(svg).toContain("mark-symbol");
  });
});
