import { chartSizes, quietGrey, type ChartSize } from "./chart-style.js";
import type { ClimateSeries } from "../../core/climate/index.js";
import type { Phase } from "../../core/groups/index.js";

/** Where each phase of the group begins within the charted sessions (the first entry is the phase already under way). */
export type PhaseMarks = readonly { readonly session: number; readonly phase: Phase }[];

/**
 * The chart's parameters: its title and sessions. Vega sets them on an already compiled chart, so every group's
 * chart of one size is compiled once and drawn with its own values.
 */
export function sessionParameters(title: string, series: ClimateSeries): Record<string, unknown>[] {
  const first = series.sessions[0] ?? 1;
  return [
    { name: "chartTitle", value: title },
    { name: "sessions", value: series.sessions },
    { name: "firstSession", value: first },
    { name: "lastSession", value: series.sessions.at(-1) ?? first },
  ];
}

/** The x axis of a panel: the sessions of sessionParameters, with half a session of room either side. */
export function xEncoding(field: string, axis: Record<string, unknown> | null): Record<string, unknown> {
  const domain = [{ expr: "firstSession - 0.5" }, { expr: "lastSession + 0.5" }];
  return { field, type: "quantitative", scale: { domain, nice: false, zero: false }, axis };
}

/** Dashed lines where each phase begins, with the phase names on the climate panel. */
export function phaseLayers(
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
      encoding: { x: xEncoding("x", axis) },
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
      encoding: { x: xEncoding("x", null), y: { value: 0 }, text: { field: "label" } },
    });
  }
  return layers;
}
