import { renderAsync } from "@resvg/resvg-js";
import type { ChartRenderer, ChartSpec } from "../kernel/ports.js";
import { chartFontFamily, chartFontFiles } from "./chart-fonts.js";
import { indexedPng } from "./indexed-png.js";
import { svgOfChart } from "./svg-of-chart.js";

/** What the renderer needs to draw text; tests pass no font files to show what happens without them. */
export interface PngChartOptions {
  readonly fontFiles?: readonly string[];
}

/**
 * Draws Vega-Lite charts as PNG without a browser: Vega renders SVG, resvg rasterises it with the
 * DejaVu Sans files loaded explicitly (system fonts are ignored, so a chart looks the same on every
 * machine, and text cannot silently vanish on a server without fonts).
 */
export function createPngChartRenderer(options: PngChartOptions = {}): ChartRenderer {
  const fontFiles = [...(options.fontFiles ?? chartFontFiles())];
  return {
    async renderPng(spec: ChartSpec): Promise<Uint8Array> {
      const svg = await svgOfChart(spec);
      const image = await renderAsync(svg, {
        font: {
          loadSystemFonts: false,
          fontFiles,
          defaultFontFamily: chartFontFamily,
          sansSerifFamily: chartFontFamily,
        },
        fitTo: { mode: "original" },
        shapeRendering: 2,
        textRendering: 1,
      });
      return indexedPng(image.pixels, image.width, image.height);
    },
  };
}
