import { describe, expect, it } from "vitest";
import { separateChart } from "../../src/chart-renderer/chart-shape.js";
import { climateSeries } from "../../src/core/climate/index.js";
import { climateChartSpec } from "../../src/views/charts/climate-chart.js";
import { climateOf, earlyThenMiddle, fiveSessions, gcq } from "../support/charted-climates.js";

const otherFigures = fiveSessions.map((climate) =>
  climate.session.number === 3
    ? climate
    : climateOf(
        climate.session.number,
        { engaged: [5.2, 0.4, 6], avoiding: [0.8, 0.3, 6], conflict: [2.6, 1.1, 6] },
        { respondents: 6, invited: 9 },
      ),
);

describe("telling a chart's shape from its values", () => {
  const tuesday = separateChart(
    climateChartSpec("Pain skills, Tuesday", climateSeries(fiveSessions, gcq), earlyThenMiddle, "full"),
  );
  const thursday = separateChart(
    climateChartSpec("Heart group, Thursday", climateSeries(otherFigures, gcq), earlyThenMiddle, "full"),
  );

  it("gives two groups' charts of one size the same shape: only their figures and titles differ", () => {
    expect(thursday.key).toBe(tuesday.key);
    expect(tuesday.signals.get("chartTitle")).toBe("Pain skills, Tuesday");
    expect(thursday.signals.get("chartTitle")).toBe("Heart group, Thursday");
    expect([...thursday.datasets.values()]).not.toEqual([...tuesday.datasets.values()]);
  });

  it("keeps no figure and no title in the shape", () => {
    expect(tuesday.key).not.toContain("Pain skills");
    expect(tuesday.key).not.toContain("too few answers");
    expect(JSON.stringify(tuesday.shape)).toBe(tuesday.key);
  });

  it("tells the compact chart from the full one", () => {
    const compact = separateChart(
      climateChartSpec("Pain skills, Tuesday", climateSeries(fiveSessions, gcq), earlyThenMiddle, "compact"),
    );
    expect(compact.key).not.toBe(tuesday.key);
  });

  it("names identical inline data sets once, as Vega-Lite merges them when they are inline", () => {
    const rows = [{ x: 1 }, { x: 2 }];
    const chart = separateChart({
      layer: [
        { data: { values: rows }, mark: "point" },
        { data: { values: [{ x: 1 }, { x: 2 }] }, mark: "rule" },
        { data: { values: [{ x: 3 }] }, mark: "tick" },
      ],
    });
    expect([...chart.datasets.keys()]).toEqual(["values_0", "values_1"]);
    expect(chart.datasets.get("values_0")).toBe(rows);
    expect(chart.shape["layer"]).toEqual([
      { data: { name: "values_0" }, mark: "point" },
      { data: { name: "values_0" }, mark: "rule" },
      { data: { name: "values_1" }, mark: "tick" },
    ]);
  });

  it("leaves selections and computed parameters in the shape", () => {
    const params = [
      { name: "pick", select: "point" },
      { name: "twice", expr: "2 * 2" },
      { name: "limit", value: 4 },
    ];
    const chart = separateChart({ params, mark: "point" });
    expect(chart.shape["params"]).toEqual([params[0], params[1], { name: "limit", value: null }]);
    expect([...chart.signals]).toEqual([["limit", 4]]);
  });
});
