import { renderAsync, type RenderedImage } from "@resvg/resvg-js";
import type { ChartRenderer, ChartSpec } from "../kernel/ports.js";
import { chartFontFamily, chartFontFilesFor } from "./chart-fonts.js";
import { indexedPng } from "./indexed-png.js";
import { svgOfChart } from "./svg-of-chart.js";

/** What the renderer needs to draw text; tests pass the files to load (none, to show what happens without them). */
export interface PngChartOptions {
  readonly fontFiles?: readonly string[];
}

/** Rasterises a chart's SVG to RGBA pixels with only the given font files (system fonts are ignored). */
export function rasteriseChartSvg(svg: string, fontFiles: readonly string[]): Promise<RenderedImage> {
  return renderAsync(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [...fontFiles],
      defaultFontFamily: chartFontFamily,
      sansSerifFamily: chartFontFamily,
    },
    fitTo: { mode: "original" },
    shapeRendering: 2,
    textRendering: 1,
  });
}

/**
 * Draws Vega-Lite charts as PNG without a browser: Vega renders SVG, resvg rasterises it with the
 * DejaVu Sans files loaded explicitly (so a chart looks the same on every machine, and text cannot
 * silently vanish on a server without fonts): the chart subset when it holds every character of the
 * chart, else the full font.
 */
export function createPngChartRenderer(options: PngChartOptions = {}): ChartRenderer {
  return {
    async renderPng(spec: ChartSpec): Promise<Uint8Array> {
      const svg = await svgOfChart(spec);
      const image = await rasteriseChartSvg(svg, options.fontFiles ?? chartFontFilesFor(svg));
      return indexedPng(image.pixels, image.width, image.height);
    },
  };
}
