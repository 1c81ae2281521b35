/** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies: blue, orange, bluish green, then the rest. */
export const okabeIto = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000",
] as const;

/** Point shapes and dash patterns that tell the lines apart without colour (print, greyscale, colour blindness). */
export const seriesShapes = [
  "circle",
  "square",
  "triangle-up",
  "diamond",
  "cross",
  "triangle-down",
  "circle",
  "square",
] as const;

/** Dash patterns per series, in the same order as the colours. */
export const seriesDashes: readonly (readonly number[])[] = [
  [1, 0],
  [7, 4],
  [2, 3],
  [10, 3, 2, 3],
  [1, 0],
  [7, 4],
  [2, 3],
  [1, 0],
];

/** The grey of quieter marks (response bars, phase rules, notes). */
export const quietGrey = "#6b6b6b";

/** Two sizes: full for Slack and the console's saved files, compact where a message must stay small (Teams inline images). */
export type ChartSize = "full" | "compact";

/** Text sizes and dimensions of each chart size. */
export const chartSizes = {
  full: {
    width: 720,
    climateHeight: 290,
    responseHeight: 80,
    title: 18,
    subtitle: 12,
    label: 12,
    axisTitle: 12,
    note: 11,
  },
  compact: {
    width: 440,
    climateHeight: 190,
    responseHeight: 56,
    title: 14,
    subtitle: 10,
    label: 10,
    axisTitle: 10,
    note: 9,
  },
} as const;

/** The Vega-Lite config every chart shares: the shipped font, white background, quiet grid. */
export function chartConfig(size: ChartSize): Record<string, unknown> {
  const s = chartSizes[size];
  return {
    font: "DejaVu Sans",
    background: "white",
    padding: size === "full" ? 16 : 8,
    view: { stroke: null },
    title: {
      fontSize: s.title,
      subtitleFontSize: s.subtitle,
      anchor: "start",
      color: "#1a1a1a",
      subtitleColor: "#444444",
      offset: 10,
    },
    axis: {
      labelFontSize: s.label,
      titleFontSize: s.axisTitle,
      titleFontWeight: "normal",
      labelColor: "#333333",
      titleColor: "#333333",
      gridColor: "#e6e6e6",
      domainColor: "#888888",
      tickColor: "#888888",
    },
    legend: {
      labelFontSize: s.label,
      symbolSize: size === "full" ? 110 : 70,
      orient: "top",
      direction: "horizontal",
      title: null,
    },
    concat: { spacing: size === "full" ? 14 : 8 },
  };
}
