import type { Runtime, Spec } from "vega";
import type { ChartSpec } from "../kernel/ports.js";
import { chartFontFiles } from "./chart-fonts.js";
import { separateChart, type SeparatedChart } from "./chart-shape.js";
import { readFontMetrics, type FontMetrics } from "./font-metrics.js";

type Libraries = [typeof import("vega"), typeof import("vega-lite")];

/** What Vega measures text with (its documented hook for measuring without a canvas). */
interface TextMetrics {
  width: (item: { fontSize?: number; fontWeight?: string | number; limit?: number }, text: unknown) => number;
}

/** A compiled and parsed shape, with the data sets and signals Vega-Lite kept in it (it drops what nothing uses). */
interface ParsedShape {
  readonly runtime: Runtime;
  readonly datasets: ReadonlySet<string>;
  readonly signals: ReadonlySet<string>;
}

// Enough for every shape in use (group charts come in a few shapes per size); each is a parsed spec, not a scene.
const shapesKept = 32;
const parsedShapes = new Map<string, ParsedShape>();
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

/** The names of a compiled Vega spec's data sets (or signals), in its groups as well as at its top. */
function declared(spec: Spec, kind: "data" | "signals"): Set<string> {
  const names = new Set<string>();
  const visit = (scope: { data?: Spec["data"]; signals?: Spec["signals"]; marks?: Spec["marks"] }) => {
    for (const entry of scope[kind] ?? []) names.add(entry.name);
    for (const mark of scope.marks ?? []) if (mark.type === "group") visit(mark);
  };
  visit(spec);
  return names;
}

// Compiling and parsing cost most of Vega's time, so each shape is compiled once (the least recently used is
// forgotten first). Each drawing still gets a view of its own: a view redrawn with new data keeps its old items
// until Vega's occasional clean-up, and lists new axis ticks after the old ones.
async function parsedShape(chart: SeparatedChart): Promise<[typeof import("vega"), ParsedShape]> {
  const [vega, vegaLite] = await loadLibraries();
  let parsed = parsedShapes.get(chart.key);
  if (parsed) parsedShapes.delete(chart.key);
  else {
    const compiled = vegaLite.compile(chart.shape as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
    parsed = {
      runtime: vega.parse(compiled),
      datasets: declared(compiled, "data"),
      signals: declared(compiled, "signals"),
    };
  }
  parsedShapes.set(chart.key, parsed);
  const oldest = parsedShapes.keys().next().value;
  if (parsedShapes.size > shapesKept && oldest !== undefined) parsedShapes.delete(oldest);
  return [vega, parsed];
}

/** A Vega-Lite chart drawn as SVG by Vega's headless view (no canvas, no browser). */
export async function svgOfChart(spec: ChartSpec): Promise<string> {
  const chart = separateChart(spec);
  const [vega, parsed] = await parsedShape(chart);
  const view = new vega.View(parsed.runtime, { renderer: "none" });
  try {
    for (const [name, value] of chart.signals) if (parsed.signals.has(name)) view.signal(name, value);
    for (const [name, values] of chart.datasets) if (parsed.datasets.has(name)) view.data(name, values as object[]);
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
