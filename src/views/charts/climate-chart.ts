import {
  chartConfig,
  chartSizes,
  okabeIto,
  quietGrey,
  seriesDashes,
  seriesShapes,
  type ChartSize,
} from "./chart-style.js";
import type { ClimateSeries } from "../../core/climate/index.js";
import { phaseLayers, sessionParameters, xEncoding, type PhaseMarks } from "./phase-layers.js";
import { responsePanel } from "./response-panel.js";
import type { ChartSpec } from "../../kernel/ports.js";

const schema = "https://vega.github.io/schema/vega-lite/v6.json";

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}

function climatePanel(series: ClimateSeries, phases: PhaseMarks, size: ChartSize): Record<string, unknown> {
  const s = chartSizes[size];
  const names = series.subscales.map((subscale) => subscale.name);
  const rows = series.subscales.flatMap((subscale) =>
    subscale.points.map((p) => ({
      session: p.session,
      subscale: subscale.name,
      band: subscale.name,
      mean: round(p.mean),
      low: round(p.low),
      high: round(p.high),
    })),
  );
  // A band needs two neighbouring sessions; a published mean standing alone shows its interval as a whisker instead.
  const shownNeighbour = (i: number, step: number) =>
    rows[i + step]?.subscale === rows[i]?.subscale && rows[i + step]?.mean !== null;
  const alone = rows.filter(
    (row, i) => row.mean !== null && row.low !== null && !shownNeighbour(i, -1) && !shownNeighbour(i, 1),
  );
  const suppressed = series.sessions.filter((session) =>
    series.subscales.every((sub) => sub.points.find((p) => p.session === session)?.mean === null),
  );
  const x = xEncoding("session", null);
  const y = {
    type: "quantitative",
    scale: { domain: [series.scale.min, series.scale.max], nice: false, zero: false },
    axis: {
      values: range(series.scale.min, series.scale.max),
      title: `Mean score (${series.scale.min}-${series.scale.max})`,
      minExtent: 44,
      maxExtent: 44,
    },
  };
  // Colour, shape and dash share one field and one legend, so a reader without colour still tells the lines apart;
  // the bands use a field of their own so that they stay out of the legend.
  const byName = (range: readonly unknown[]) => ({
    field: "subscale",
    type: "nominal",
    scale: { domain: names, range: range.slice(0, names.length) },
    sort: names,
    legend: { title: null },
  });
  const color = byName(okabeIto);
  const shape = byName(seriesShapes);
  const strokeDash = byName(seriesDashes);
  return {
    width: s.width,
    height: s.climateHeight,
    layer: [
      ...phaseLayers(series, phases, size, null),
      {
        data: { values: rows },
        mark: { type: "area", opacity: 0.15 },
        encoding: {
          x,
          y: { ...y, field: "low" },
          y2: { field: "high" },
          fill: { ...color, field: "band", legend: null },
        },
      },
      {
        data: { values: rows },
        mark: { type: "line", strokeWidth: size === "full" ? 2.5 : 2 },
        encoding: { x, y: { ...y, field: "mean" }, color, strokeDash },
      },
      {
        data: { values: alone },
        mark: { type: "rule", strokeWidth: 1.5 },
        encoding: { x, y: { ...y, field: "low" }, y2: { field: "high" }, color },
      },
      {
        data: { values: rows },
        mark: { type: "point", filled: true, opacity: 1, size: size === "full" ? 70 : 40 },
        encoding: { x, y: { ...y, field: "mean" }, color, shape },
      },
      {
        data: { values: suppressed.map((session) => ({ session, note: "too few answers" })) },
        mark: {
          type: "text",
          angle: 270,
          align: "left",
          baseline: "middle",
          dy: 0,
          dx: 0,
          color: quietGrey,
          fontSize: s.note,
        },
        encoding: { x, y: { value: s.climateHeight - 6 }, text: { field: "note" } },
      },
    ],
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * A group's climate chart: each subscale's mean over sessions with its 95% interval as a band,
 * the full scale on the axis, phases marked, and the share of check-ins answered beneath.
 * Suppressed sessions are gaps marked "too few answers"; nothing below the privacy floor is in the data.
 */
export function climateChartSpec(title: string, series: ClimateSeries, phases: PhaseMarks, size: ChartSize): ChartSpec {
  const subtitle =
    size === "full"
      ? [
          "Group climate (GCQ-S): means with 95% intervals, 0 Not at all to 6 Extremely. Higher Engaged is good.",
          "Bars: share of check-ins answered. Dashed lines: phases of the group.",
        ]
      : ["Group climate means with 95% intervals (0-6); bars: share answered"];
  return {
    $schema: schema,
    params: sessionParameters(title, series),
    title: { text: { expr: "chartTitle" }, subtitle },
    config: chartConfig(size),
    vconcat: [climatePanel(series, phases, size), responsePanel(series, phases, size)],
  };
}
