import { chartSizes, quietGrey, type ChartSize } from "./chart-style.js";
import { phaseLayers, xEncoding, type PhaseMarks } from "./phase-layers.js";
import type { ClimateSeries } from "../../core/climate/index.js";

/** The panel beneath the climate: the share of check-ins answered at each session. */
export function responsePanel(series: ClimateSeries, phases: PhaseMarks, size: ChartSize): Record<string, unknown> {
  const s = chartSizes[size];
  const rows = series.responses.map((r) => ({
    left: r.session - 0.35,
    right: r.session + 0.35,
    session: r.session,
    rate: r.rate,
    label: `${r.respondents}/${r.invited}`,
  }));
  const slotWidth = s.width / Math.max(1, series.sessions.length);
  const axis = { values: { expr: "sessions" }, format: "d", title: "Session", grid: false, labelFontSize: s.label };
  const x = xEncoding("session", axis);
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
