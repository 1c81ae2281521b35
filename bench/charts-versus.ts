// Chart rendering, this tree against another checkout of Cohesion, drawing by drawing in one process, so both
// pipelines meet the same machine. Run with
//   node --expose-gc --import tsx bench/charts-versus.ts <other checkout>
// (the other checkout needs its node_modules; a symbolic link to this tree's will do).
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ChartRenderer } from "../src/kernel/ports.js";
import { createPngChartRenderer } from "../src/chart-renderer/png-chart-renderer.js";
import { climateChartSpec } from "../src/views/charts/climate-chart.js";
import { overviewChartSpec } from "../src/views/charts/overview-chart.js";
import { chartCases, groupChart, median, type ChartBuilders, type ChartCase } from "./chart-cases.js";

const runs = Number(process.env["BENCH_RUNS"] ?? 15);
const other = process.argv[2];
if (!other) throw new Error("usage: charts-versus.ts <other checkout>");
const load = (path: string): Promise<Record<string, unknown>> => import(pathToFileURL(resolve(other, path)).href);
const [otherRenderer, otherClimate, otherOverview] = await Promise.all([
  load("src/chart-renderer/png-chart-renderer.ts"),
  load("src/views/charts/climate-chart.ts"),
  load("src/views/charts/overview-chart.ts"),
]);
const otherBuilders = { ...otherClimate, ...otherOverview } as unknown as ChartBuilders;
const builders = { climateChartSpec, overviewChartSpec };
const before = {
  renderer: (otherRenderer["createPngChartRenderer"] as typeof createPngChartRenderer)(),
  cases: chartCases(otherBuilders),
};
const after = { renderer: createPngChartRenderer(), cases: chartCases(builders) };

interface Drawing {
  readonly ms: number;
  readonly cpuMs: number;
  readonly png: Uint8Array;
}

async function drawing(renderer: ChartRenderer, chart: ChartCase, run: number): Promise<Drawing> {
  const spec = chart.spec(run);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const png = await renderer.renderPng(spec);
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, png };
}

function figures(drawings: readonly Drawing[]): string {
  return `${median(drawings.map((d) => d.ms)).toFixed(0)} (${median(drawings.map((d) => d.cpuMs)).toFixed(0)})`;
}

const rows: string[] = [];
// Both checkouts write the same PNG for the same pixels, so equal bytes mean an unchanged picture.
const pictures = { compared: 0, identical: 0 };
for (const [i, chart] of after.cases.entries()) {
  const previous = before.cases[i];
  if (!previous) continue;
  for (let run = runs; run < runs + 3; run += 1) {
    await before.renderer.renderPng(previous.spec(run));
    await after.renderer.renderPng(chart.spec(run));
  }
  const [was, now]: [Drawing[], Drawing[]] = [[], []];
  for (let run = 0; run < runs; run += 1) {
    was.push(await drawing(before.renderer, previous, run));
    now.push(await drawing(after.renderer, chart, run));
  }
  for (const [run, drawn] of now.entries()) {
    pictures.compared += 1;
    if (Buffer.from(drawn.png).equals(Buffer.from(was[run]?.png ?? []))) pictures.identical += 1;
  }
  const ratio = median(now.map((d) => d.ms)) / median(was.map((d) => d.ms));
  const kb = (drawings: Drawing[]) => (median(drawings.map((d) => d.png.byteLength)) / 1024).toFixed(1);
  rows.push(`| ${chart.name} | ${figures(was)} | ${figures(now)} | ${ratio.toFixed(2)} | ${kb(was)} / ${kb(now)} |`);
}

async function pair(renderer: ChartRenderer, charts: ChartBuilders, run: number): Promise<number> {
  const started = performance.now();
  await Promise.all(
    (["full", "compact"] as const).map((size) => renderer.renderPng(groupChart(charts, 20, size).spec(run))),
  );
  return performance.now() - started;
}
const [pairsBefore, pairsAfter]: [number[], number[]] = [[], []];
for (let run = 0; run < runs; run += 1) {
  pairsBefore.push(await pair(before.renderer, otherBuilders, run));
  pairsAfter.push(await pair(after.renderer, builders, run));
}

process.stdout.write(`Node ${process.version}, ${runs} drawings each, alternating, after 3 warm-up drawings each\n\n`);
process.stdout.write(
  "| chart | before: ms per chart (CPU ms) | after: ms per chart (CPU ms) | after / before | PNG KB before / after |\n",
);
process.stdout.write("|---|---|---|---|---|\n");
for (const row of rows) process.stdout.write(`${row}\n`);
process.stdout.write(`\nSame picture as the other checkout: ${pictures.identical} of ${pictures.compared} drawings\n`);
process.stdout.write(
  `\nA summary's full and compact chart of 20 sessions drawn at once: ${median(pairsBefore).toFixed(0)} ms before, ` +
    `${median(pairsAfter).toFixed(0)} ms after (the pair)\n`,
);
