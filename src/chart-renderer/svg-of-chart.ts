import type { ChartSpec } from "../kernel/ports.js";
import { chartFontFiles } from "./chart-fonts.js";
import { readFontMetrics, type FontMetrics } from "./font-metrics.js";

type Libraries = [typeof import("vega"), typeof import("vega-lite")];

/** What Vega measures text with (its documented hook for measuring without a canvas). */
interface TextMetrics {
  width: (item: { fontSize?: number; fontWeight?: string | number; limit?: number }, text: unknown) => number;
}

let libraries: Promise<Libraries> | undefined;

function measureWith(regular: FontMetrics, bold: FontMetrics): TextMetrics["width"] {
  return (item, text) => {
    const line = text === null || text === undefined ? "" : String(text).trim();
    const size = item.fontSize ?? 11;
    const weight = item.fontWeight;
    const width = (weight === "bold" || (typeof weight === "number" && weight >= 600) ? bold : regular).width(
      line,
      size,
    );
    return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
}

// Vega and Vega-Lite take a moment to load, so they are loaded with the first chart, not at start-up.
// Without a canvas Vega guesses text as 0.8 em per character, far wider than DejaVu Sans, which
// stretches titles and legends; so it measures with the font's own advance widths instead.
function loadLibraries(): Promise<Libraries> {
  libraries ??= Promise.all([import("vega"), import("vega-lite")]).then((loaded) => {
    const [regular = "", bold = ""] = chartFontFiles();
    const metrics = (loaded[0] as unknown as { textMetrics: TextMetrics }).textMetrics;
    metrics.width = measureWith(readFontMetrics(regular), readFontMetrics(bold));
    return loaded;
  });
  return libraries;
}

/** A Vega-Lite chart drawn as SVG by Vega's headless view (no canvas, no browser). */
export async function svgOfChart(spec: ChartSpec): Promise<string> {
  const [vega, vegaLite] = await loadLibraries();
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
