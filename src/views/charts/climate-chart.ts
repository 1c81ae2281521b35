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
import type { Phase } from "../../core/groups/index.js";
import type { ChartSpec } from "../../kernel/ports.js";

/** Where each phase of the group begins within the charted sessions (the first entry is the phase already under way). */
export type PhaseMarks = readonly { readonly session: number; readonly phase: Phase }[];

const schema = "https://vega.github.io/schema/vega-lite/v6.json";

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}

function xEncoding(
  series: ClimateSeries,
  field: string,
  axis: Record<string, unknown> | null,
): Record<string, unknown> {
  const first = series.sessions[0] ?? 1;
  const last = series.sessions.at(-1) ?? first;
  return { field, type: "quantitative", scale: { domain: [first - 0.5, last + 0.5], nice: false, zero: false }, axis };
}

function phaseLayers(
  series: ClimateSeries,
  phases: PhaseMarks,
  size: ChartSize,
  axis: Record<string, unknown> | null,
): Record<string, unknown>[] {
  const rules = phases.slice(1).map((mark) => ({ x: mark.session - 0.5 }));
  const layers: Record<string, unknown>[] = [
    {
      data: { values: rules },
      mark: { type: "rule", color: quietGrey, strokeDash: [4, 4], strokeWidth: 1 },
      encoding: { x: xEncoding(series, "x", axis) },
    },
  ];
  // Phase names go on the climate panel only (the one without an x axis); the bars beneath just repeat the lines.
  if (axis === null) {
    const first = series.sessions[0] ?? 1;
    const labels = phases.map((mark, i) => ({
      x: i === 0 ? first - 0.5 : mark.session - 0.5,
      label: `${mark.phase} phase`,
    }));
    layers.push({
      data: { values: labels },
      mark: {
        type: "text",
        align: "left",
        baseline: "top",
        dx: 4,
        dy: 3,
        color: quietGrey,
        fontSize: chartSizes[size].note,
      },
      encoding: { x: xEncoding(series, "x", null), y: { value: 0 }, text: { field: "label" } },
    });
  }
  return layers;
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
  const x = xEncoding(series, "session", null);
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

function responsePanel(series: ClimateSeries, phases: PhaseMarks, size: ChartSize): Record<string, unknown> {
  const s = chartSizes[size];
  const rows = series.responses.map((r) => ({
    left: r.session - 0.35,
    right: r.session + 0.35,
    session: r.session,
    rate: r.rate,
    label: `${r.respondents}/${r.invited}`,
  }));
  const slotWidth = s.width / Math.max(1, series.sessions.length);
  const axis = { values: series.sessions, format: "d", title: "Session", grid: false, labelFontSize: s.label };
  const x = xEncoding(series, "session", axis);
  const y = {
    type: "quantitative",
    scale: { domain: [0, 1], nice: false },
    axis: { values: [0, 0.5, 1], format: "%", title: "Answered", minExtent: 44, maxExtent: 44 },
  };
  const layers: Record<string, unknown>[] = [
    ...phaseLayers(series, phases, size, axis),
    {
      data: { values: rows },
      mark: { type: "bar", color: "#b3b3b3" },
      encoding: { x: { ...x, field: "left" }, x2: { field: "right" }, y: { ...y, field: "rate" }, y2: { datum: 0 } },
    },
    {
      data: { values: [{ half: 0.5 }] },
      mark: { type: "rule", color: quietGrey, strokeDash: [2, 2] },
      encoding: { y: { ...y, field: "half" } },
    },
  ];
  if (slotWidth >= 30)
    layers.push({
      data: { values: rows },
      mark: { type: "text", baseline: "bottom", dy: -3, color: "#1a1a1a", fontSize: s.note },
      encoding: { x: { ...x, field: "session" }, y: { value: s.responseHeight }, text: { field: "label" } },
    });
  return { width: s.width, height: s.responseHeight, layer: layers };
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
    title: { text: title, subtitle },
    config: chartConfig(size),
    vconcat: [climatePanel(series, phases, size), responsePanel(series, phases, size)],
  };
}
