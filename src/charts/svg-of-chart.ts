import type { ChartSpec } from "../core/ports.js";

type Libraries = [typeof import("vega"), typeof import("vega-lite")];
let libraries: Promise<Libraries> | undefined;

// Vega and Vega-Lite take a moment to load, so they are loaded with the first chart, not at start-up.
function loadLibraries(): Promise<Libraries> {
  libraries ??= Promise.all([import("vega"), import("vega-lite")]);
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
