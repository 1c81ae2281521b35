import { chartSizes, quietGrey, type ChartSize } from "./chart-style.js";
import type { ClimateSeries } from "../../core/climate/index.js";
import type { Phase } from "../../core/groups/index.js";

/** Where each phase of the group begins within the charted sessions (the first entry is the phase already under way). */
export type PhaseMarks = readonly { readonly session: number; readonly phase: Phase }[];

/** The x axis of a panel: sessions, with half a session of room either side. */
export function xEncoding(
  series: ClimateSeries,
  field: string,
  axis: Record<string, unknown> | null,
): Record<string, unknown> {
  const first = series.sessions[0] ?? 1;
  const last = series.sessions.at(-1) ?? first;
  return { field, type: "quantitative", scale: { domain: [first - 0.5, last + 0.5], nice: false, zero: false }, axis };
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
