import { describe, expect, it } from "vitest";
import { okabeIto } from "../../../src/views/charts/chart-style.js";
import { climateChartSpec } from "../../../src/views/charts/climate-chart.js";
import { climateSeries } from "../../../src/core/climate/index.js";
import { overviewChartSpec } from "../../../src/views/charts/overview-chart.js";
import type { ChartSpec } from "../../../src/kernel/ports.js";
import { climateOf, earlyThenMiddle, fiveSessions, fiveSessionSeries, gcq } from "../../support/charted-climates.js";

const series = fiveSessionSeries;
const phases = earlyThenMiddle;

type Layer = {
  data?: { values: Record<string, unknown>[] };
  mark: { type: string };
  encoding: Record<string, Record<string, unknown>>;
  transform?: unknown;
};

function panels(spec: ChartSpec): { climate: Layer[]; responses: Layer[]; width: number } {
  const [climate, responses] = spec["vconcat"] as { layer: Layer[]; width: number }[];
  if (!climate || !responses) throw new Error("expected two panels");
  return { climate: climate.layer, responses: responses.layer, width: climate.width };
}

function layer(layers: Layer[], type: string, index = 0): Layer {
  const found = layers.filter((l) => l.mark.type === type)[index];
  if (!found) throw new Error(`no ${type} layer`);
  return found;
}

describe("a group's climate chart", () => {
  const spec = climateChartSpec("Pain skills", series, phases, "full");
  const { climate, responses } = panels(spec);

  it("shows the whole 0-6 scale, for the means and their bands alike", () => {
    for (const type of ["area", "line", "point"]) {
      const y = layer(climate, type).encoding["y"] as { scale: { domain: number[] }; axis: { values: number[] } };
      expect(y.scale.domain).toEqual([0, 6]);
      expect(y.axis.values).toEqual([0, 1, 2, 3, 4, 5, 6]);
    }
  });

  it("colours Engaged, Avoiding and Conflict with Okabe-Ito colours, and also gives each its own shape and dash", () => {
    const line = layer(climate, "line").encoding;
    expect((line["color"]?.["scale"] as { domain: string[] }).domain).toEqual(["Engaged", "Avoiding", "Conflict"]);
    expect((line["color"]?.["scale"] as { range: string[] }).range).toEqual([okabeIto[0], okabeIto[1], okabeIto[2]]);
    expect(new Set((line["strokeDash"]?.["scale"] as { range: unknown[] }).range.map(String)).size).toBe(3);
    const shapes = (layer(climate, "point").encoding["shape"]?.["scale"] as { range: string[] }).range;
    expect(new Set(shapes).size).toBe(3);
  });

  it("never puts a suppressed aggregate into the chart: session 3 is a gap marked 'too few answers'", () => {
    const rows = layer(climate, "line").data?.values ?? [];
    const session3 = rows.filter((row) => row["session"] === 3);
    expect(session3).toHaveLength(3);
    for (const row of session3) expect([row["mean"], row["low"], row["high"]]).toEqual([null, null, null]);
    expect(layer(climate, "text", 1).data?.values).toEqual([{ session: 3, note: "too few answers" }]);
  });

  it("draws each published mean with its 95% band", () => {
    const rows = layer(climate, "area").data?.values ?? [];
    expect(rows.find((row) => row["session"] === 1 && row["subscale"] === "Engaged")).toMatchObject({
      mean: 3.1,
      low: 2.26,
      high: 3.94,
    });
  });

  it("shows the interval of a mean with no published neighbour as a whisker, since a band needs two sessions", () => {
    const first = fiveSessions[0];
    if (!first) throw new Error("fixture missing");
    const single = panels(
      climateChartSpec("Pain skills", climateSeries([first], gcq), phases.slice(0, 1), "full"),
    ).climate;
    expect(layer(single, "rule", 1).data?.values.map((row) => [row["subscale"], row["low"], row["high"]])).toEqual([
      ["Engaged", 2.26, 3.94],
      ["Avoiding", 1.37, 2.63],
      ["Conflict", 0, 0.925],
    ]);
    expect(layer(climate, "rule", 1).data?.values).toEqual([]);
  });

  it("marks where the middle phase begins, and names the phases", () => {
    expect(layer(climate, "rule").data?.values).toEqual([{ x: 3.5 }]);
    expect(layer(climate, "text", 0).data?.values).toEqual([
      { x: 0.5, label: "early phase" },
      { x: 3.5, label: "middle phase" },
    ]);
    expect(layer(responses, "rule").data?.values).toEqual([{ x: 3.5 }]);
  });

  it("puts the share of check-ins answered beneath, as bars from 0 to 100% with a line at half", () => {
    const bars = layer(responses, "bar");
    expect(bars.data?.values.map((row) => [row["session"], row["label"]])).toEqual([
      [1, "6/7"],
      [2, "5/7"],
      [3, "3/7"],
      [4, "5/7"],
      [5, "7/7"],
    ]);
    expect(bars.encoding["y2"]).toEqual({ datum: 0 });
    expect((bars.encoding["y"] as { scale: { domain: number[] } }).scale.domain).toEqual([0, 1]);
    expect(layer(responses, "rule", 1).data?.values).toEqual([{ half: 0.5 }]);
  });

  it("uses the DejaVu Sans font the renderer ships, and comes in a compact size for small messages", () => {
    expect((spec["config"] as { font: string }).font).toBe("DejaVu Sans");
    expect(panels(spec).width).toBe(720);
    expect(panels(climateChartSpec("Pain skills", series, phases, "compact")).width).toBe(440);
  });
});

describe("the small-multiples overview of several groups", () => {
  const quiet = climateSeries(
    [climateOf(1, { engaged: 2, avoiding: 2, conflict: 2 }, { respondents: 2, invited: 8 })],
    gcq,
  );
  const spec = overviewChartSpec(
    [
      { title: "Pain skills", series },
      { title: "SEGT Thursday", series: quiet },
    ],
    "full",
  );

  it("has a panel per group, titled with how many answered its latest session", () => {
    const values = (spec["data"] as { values: Record<string, unknown>[] }).values;
    expect([...new Set(values.map((row) => row["group"]))]).toEqual([
      "Pain skills\n100% answered session 5",
      "SEGT Thursday\n25% answered session 1",
    ]);
    expect(spec["columns"]).toBe(2);
  });

  it("shows 'no figures yet' for a group with nothing published, and no numbers for it", () => {
    const values = (spec["data"] as { values: Record<string, unknown>[] }).values;
    expect(values.filter((row) => String(row["group"]).startsWith("SEGT"))).toEqual([
      { kind: "note", group: "SEGT Thursday\n25% answered session 1", note: "no figures yet" },
    ]);
  });

  it("keeps every panel on the full 0-6 scale", () => {
    const layers = (spec["spec"] as { layer: Layer[] }).layer;
    expect((layer(layers, "line").encoding["y"] as { scale: { domain: number[] } }).scale.domain).toEqual([0, 6]);
  });
});
