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
import type { ChartSpec } from "../../kernel/ports.js";

/** One group's panel of the overview: its title and its chartable climate. */
export interface OverviewPanel {
  readonly title: string;
  readonly series: ClimateSeries;
}

const panelSizes = {
  full: { columns: 4, width: 760, height: 110, header: 11 },
  compact: { columns: 3, width: 460, height: 80, header: 9 },
} as const;

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}

// A panel's header is two lines joined by this separator: the group's name, then how many answered lately.
const lineBreak = "\n";

function latestAnswered(series: ClimateSeries): string {
  const latest = series.responses.at(-1);
  if (!latest) return "no sessions closed yet";
  return latest.invited > 0
    ? `${Math.round((100 * latest.respondents) / latest.invited)}% answered session ${latest.session}`
    : `session ${latest.session}: no check-ins sent`;
}

function rows(panel: OverviewPanel): Record<string, unknown>[] {
  const label = `${panel.title.replaceAll(lineBreak, " ")}${lineBreak}${latestAnswered(panel.series)}`;
  const points = panel.series.subscales.flatMap((subscale) =>
    subscale.points.map((p) => ({
      kind: "point",
      group: label,
      session: p.session,
      subscale: subscale.name,
      band: subscale.name,
      mean: round(p.mean),
      low: round(p.low),
      high: round(p.high),
    })),
  );
  const anything = points.some((p) => p.mean !== null);
  return anything ? points : [{ kind: "note", group: label, note: "no figures yet" }];
}

/**
 * Small multiples of several groups' climate for an organisation-wide digest: one panel per group
 * with its subscale means and 95% bands on the full scale, each over its own sessions, titled with
 * the share answered at its latest session. Suppressed sessions are gaps; a group with no published
 * figures shows "no figures yet".
 */
export function overviewChartSpec(panels: readonly OverviewPanel[], size: ChartSize): ChartSpec {
  const s = panelSizes[size];
  const columns = Math.max(1, Math.min(s.columns, panels.length));
  const width = Math.floor(s.width / columns) - (size === "full" ? 36 : 28);
  const data = panels.flatMap(rows);
  const order = [...new Set(data.map((row) => row["group"] as string))];
  const names = panels[0]?.series.subscales.map((subscale) => subscale.name) ?? [];
  const scale = panels[0]?.series.scale ?? { min: 0, max: 6 };
  const byName = (range: readonly unknown[]) => ({
    field: "subscale",
    type: "nominal",
    scale: { domain: names, range: range.slice(0, names.length) },
    sort: names,
    legend: { title: null },
  });
  const x = {
    field: "session",
    type: "quantitative",
    scale: { nice: false, zero: false, padding: 6 },
    axis: { format: "d", title: null, tickMinStep: 1, labelFontSize: chartSizes[size].note, grid: false },
  };
  const y = {
    type: "quantitative",
    scale: { domain: [scale.min, scale.max], nice: false, zero: false },
    axis: {
      values: [scale.min, (scale.min + scale.max) / 2, scale.max],
      title: null,
      labelFontSize: chartSizes[size].note,
    },
  };
  const points = { filter: "datum.kind === 'point'" };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: `Group climate across ${panels.length} group${panels.length === 1 ? "" : "s"}`,
      subtitle:
        size === "full"
          ? `GCQ-S means with 95% intervals on ${scale.min}-${scale.max}, by session; gaps had too few answers`
          : `Means with 95% intervals (${scale.min}-${scale.max}) by session`,
    },
    config: {
      ...chartConfig(size),
      header: {
        labelFontSize: s.header,
        labelAnchor: "start",
        labelLimit: width + 24,
        labelColor: "#1a1a1a",
        labelExpr: `split(datum.value, "\\n")`,
        labelLineHeight: s.header + 3,
      },
      facet: { spacing: size === "full" ? 18 : 10 },
    },
    data: { values: data },
    facet: { field: "group", type: "nominal", sort: order, header: { title: null } },
    columns,
    spec: {
      width,
      height: s.height,
      layer: [
        {
          transform: [points],
          mark: { type: "area", opacity: 0.15 },
          encoding: {
            x,
            y: { ...y, field: "low" },
            y2: { field: "high" },
            fill: { ...byName(okabeIto), field: "band", legend: null },
          },
        },
        {
          transform: [points],
          mark: { type: "line", strokeWidth: 1.8 },
          encoding: { x, y: { ...y, field: "mean" }, color: byName(okabeIto), strokeDash: byName(seriesDashes) },
        },
        {
          transform: [points],
          mark: { type: "point", filled: true, opacity: 1, size: size === "full" ? 30 : 18 },
          encoding: { x, y: { ...y, field: "mean" }, color: byName(okabeIto), shape: byName(seriesShapes) },
        },
        {
          transform: [{ filter: "datum.kind === 'note'" }],
          mark: { type: "text", color: quietGrey, fontSize: chartSizes[size].note },
          encoding: { x: { value: width / 2 }, y: { value: s.height / 2 }, text: { field: "note" } },
        },
      ],
    },
    resolve: { scale: { x: "independent" }, axis: { x: "independent" } },
  };
}
