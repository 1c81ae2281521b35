// Chart rendering benchmark: time, heap and PNG size per chart, measured side by side in one run.
// Run with `npm run bench` (node --expose-gc, so heap figures are taken after a full collection).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderAsync } from "@resvg/resvg-js";
import { chartFontFamily, chartFontFiles } from "../src/chart-renderer/chart-fonts.js";
import { indexedPng } from "../src/chart-renderer/indexed-png.js";
import { createPngChartRenderer } from "../src/chart-renderer/png-chart-renderer.js";
import { svgOfChart } from "../src/chart-renderer/svg-of-chart.js";
import { climateChartSpec } from "../src/views/charts/climate-chart.js";
import { climateSeries } from "../src/core/climate/index.js";
import { overviewChartSpec } from "../src/views/charts/overview-chart.js";
import type { ChartSpec } from "../src/kernel/ports.js";
import { climateOf } from "../tests/support/charted-climates.js";
import { exampleContent } from "../tests/support/example-setup.js";

const runs = Number(process.env["BENCH_RUNS"] ?? 15);
const outDir = process.argv[2];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const gcq = exampleContent.instruments.get("gcq-s");
if (!gcq) throw new Error("gcq-s missing");

/** A deterministic course: Engaged rising, Conflict peaking mid-course, one suppressed session. */
function course(sessions: number, seed: number) {
  return Array.from({ length: sessions }, (_, i) => {
    const n = i + 1;
    if (n === 3) return climateOf(n, { engaged: 4, avoiding: 4, conflict: 4 }, { respondents: 4, invited: 8 });
    const wobble = ((seed * 7 + n * 13) % 10) / 20;
    return climateOf(
      n,
      {
        engaged: [3 + n * 0.12 + wobble, 0.8, 6],
        avoiding: [2 - wobble, 0.6, 6],
        conflict: [0.5 + Math.sin((n / sessions) * Math.PI) + wobble, 0.7, 6],
      },
      { respondents: 6, invited: 8 },
    );
  });
}

const phases = [
  { session: 1, phase: "early" as const },
  { session: 4, phase: "middle" as const },
  { session: 6, phase: "late" as const },
];
const eight = climateSeries(course(8, 1), gcq);
const twenty = climateSeries(course(20, 2), gcq);
const panels = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    title: `Group ${i + 1}, ${["Tuesday", "Thursday", "Monday"][i % 3]}`,
    series: climateSeries(course(4 + (i % 6), i), gcq),
  }));

const cases: { name: string; spec: ChartSpec }[] = [
  {
    name: "group chart, compact, 8 sessions",
    spec: climateChartSpec("Chronic pain skills, Tuesday evening", eight, phases, "compact"),
  },
  {
    name: "group chart, full, 8 sessions",
    spec: climateChartSpec("Chronic pain skills, Tuesday evening", eight, phases, "full"),
  },
  {
    name: "group chart, full, 20 sessions",
    spec: climateChartSpec("Supportive-expressive group, Thursday", twenty, [{ session: 1, phase: "ongoing" }], "full"),
  },
  { name: "overview, full, 2 groups", spec: overviewChartSpec(panels(2), "full") },
  { name: "overview, full, 20 groups", spec: overviewChartSpec(panels(20), "full") },
  { name: "overview, compact, 20 groups", spec: overviewChartSpec(panels(20), "compact") },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const renderer = createPngChartRenderer();
const fonts = {
  loadSystemFonts: false,
  fontFiles: chartFontFiles(),
  defaultFontFamily: chartFontFamily,
  sansSerifFamily: chartFontFamily,
};
await renderer.renderPng(cases[0]?.spec ?? {});

const rows: string[][] = [];
let baseline = 0;
for (const { name, spec } of cases) {
  for (let i = 0; i < 3; i += 1) await renderer.renderPng(spec);
  const svgMs: number[] = [];
  const rasterMs: number[] = [];
  const paletteMs: number[] = [];
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let png: Uint8Array = new Uint8Array();
  let rgbaPng = 0;
  const started = performance.now();
  for (let i = 0; i < runs; i += 1) {
    let t = performance.now();
    const svg = await svgOfChart(spec);
    svgMs.push(performance.now() - t);
    t = performance.now();
    const image = await renderAsync(svg, {
      font: fonts,
      fitTo: { mode: "original" },
      shapeRendering: 2,
      textRendering: 1,
    });
    rasterMs.push(performance.now() - t);
    t = performance.now();
    png = indexedPng(image.pixels, image.width, image.height);
    paletteMs.push(performance.now() - t);
    if (i === 0) rgbaPng = image.asPng().byteLength;
  }
  const perChart = (performance.now() - started) / runs;
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
    `${median(svgMs).toFixed(0)} / ${median(rasterMs).toFixed(0)} / ${median(paletteMs).toFixed(0)}`,
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

const header = [
  "chart",
  "pixels",
  "ms per chart",
  "x first row",
  "median ms: svg / raster / palette",
  "PNG KB",
  "PNG vs RGBA PNG",
  "heap MB allocated per chart",
  "heap MB retained after GC",
];
process.stdout.write(`Node ${process.version}, ${runs} runs per chart after 3 warm-up runs\n\n`);
process.stdout.write(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n`);
for (const row of rows) process.stdout.write(`| ${row.join(" | ")} |\n`);
