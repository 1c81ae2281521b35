// Chart rendering benchmark: time, heap and PNG size per chart, measured side by side in one run.
// Run with `npm run bench:charts` (node --expose-gc, so heap figures are taken after a full collection).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import { chartFontFilesFor } from "../src/chart-renderer/chart-fonts.js";
import { separateChart } from "../src/chart-renderer/chart-shape.js";
import { indexedPng } from "../src/chart-renderer/indexed-png.js";
import { createPngChartRenderer, rasteriseChartSvg } from "../src/chart-renderer/png-chart-renderer.js";
import { svgOfChart } from "../src/chart-renderer/svg-of-chart.js";
import { climateChartSpec } from "../src/views/charts/climate-chart.js";
import { overviewChartSpec } from "../src/views/charts/overview-chart.js";
import type { ChartSpec } from "../src/kernel/ports.js";
import { chartCases, groupChart, median } from "./chart-cases.js";

const runs = Number(process.env["BENCH_RUNS"] ?? 15);
const outDir = process.argv[2];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const builders = { climateChartSpec, overviewChartSpec };
const cases = chartCases(builders);

/** What a chart of a shape not seen before costs once more: Vega-Lite's compile and Vega's parse. */
function compileMs(spec: ChartSpec): number {
  const shape = separateChart(spec).shape as unknown as Parameters<typeof vegaLite.compile>[0];
  const started = performance.now();
  vega.parse(vegaLite.compile(shape).spec);
  return performance.now() - started;
}

const renderer = createPngChartRenderer();
const first = cases[0];
if (first) await renderer.renderPng(first.spec(0));

const rows: string[][] = [];
let baseline = 0;
for (const { name, spec } of cases) {
  for (let i = 0; i < 3; i += 1) await renderer.renderPng(spec(runs + i));
  const compiles = [0, 1, 2].map(() => compileMs(spec(0)));
  const svgMs: number[] = [];
  const rasterMs: number[] = [];
  const paletteMs: number[] = [];
  const chartMs: number[] = [];
  const cpuMs: number[] = [];
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let png: Uint8Array = new Uint8Array();
  let rgbaPng = 0;
  for (let i = 0; i < runs; i += 1) {
    const chart = spec(i);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const svg = await svgOfChart(chart);
    const drawn = performance.now();
    const image = await rasteriseChartSvg(svg, chartFontFilesFor(svg));
    const rasterised = performance.now();
    png = await indexedPng(image.pixels, image.width, image.height);
    const finished = performance.now();
    const used = process.cpuUsage(cpu);
    svgMs.push(drawn - started);
    rasterMs.push(rasterised - drawn);
    paletteMs.push(finished - rasterised);
    chartMs.push(finished - started);
    cpuMs.push((used.user + used.system) / 1000);
    if (i === 0) rgbaPng = image.asPng().byteLength;
  }
  const perChart = median(chartMs);
  const allocated = (process.memoryUsage().heapUsed - heapBefore) / runs;
  gc();
  const retained = process.memoryUsage().heapUsed - heapBefore;
  baseline ||= perChart;
  const size = `${Buffer.from(png).readUInt32BE(16)}x${Buffer.from(png).readUInt32BE(20)}`;
  rows.push([
    name,
    size,
    perChart.toFixed(0),
    (perChart / baseline).toFixed(1),
    median(cpuMs).toFixed(0),
    `${median(svgMs).toFixed(0)} / ${median(rasterMs).toFixed(0)} / ${median(paletteMs).toFixed(0)}`,
    median(compiles).toFixed(0),
    (png.byteLength / 1024).toFixed(1),
    (png.byteLength / rgbaPng).toFixed(2),
    (allocated / 1024 / 1024).toFixed(1),
    (retained / 1024 / 1024).toFixed(1),
  ]);
  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `${name.replace(/[^a-z0-9]+/gi, "-")}.png`), png);
  }
}

// A summary draws its full and compact chart at once: Vega works on one while resvg and zlib work on the other.
const pairs: number[] = [];
for (let i = 0; i < runs; i += 1) {
  const started = performance.now();
  await Promise.all(
    (["full", "compact"] as const).map((size) => renderer.renderPng(groupChart(builders, 20, size).spec(i))),
  );
  pairs.push(performance.now() - started);
}

const header = [
  "chart",
  "pixels",
  "median ms per chart",
  "x first row",
  "median CPU ms per chart (all threads)",
  "median ms: svg / raster / palette PNG",
  "ms once per shape",
  "PNG KB",
  "PNG vs RGBA PNG",
  "heap MB allocated per chart",
  "heap MB retained after GC",
];
process.stdout.write(`Node ${process.version}, ${runs} runs per chart after 3 warm-up runs\n\n`);
process.stdout.write(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n`);
for (const row of rows) process.stdout.write(`| ${row.join(" | ")} |\n`);
process.stdout.write(
  `\nA summary's full and compact chart of 20 sessions drawn at once: ${median(pairs).toFixed(0)} ms the pair (median)\n`,
);
