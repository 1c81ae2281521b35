// Scale benchmark: what the minute sweep, a summary and the care team's digests cost as a group's history grows,
// as ratios measured side by side in one run. Run with `npm run bench:scale` (or `npm run bench`, which runs them all).
import { chartedSessions } from "../src/core/climate/index.js";
import { chartData, digestPass, scaleGroup, summaryWork, sweepDue } from "./scale-measure.js";

const minute = 60_000;
const clinicGroups = 500;

const small = await scaleGroup(8, "between");
const large = await scaleGroup(52, "between");
const rows: { measure: string; base: string; baseMs: number; grown: string; grownMs: number; target: string }[] = [];

for (const fresh of [false, true]) {
  const [a, b] = [await sweepDue(small, fresh), await sweepDue(large, fresh)];
  if (a.unsent + b.unsent > 0)
    throw new Error(`the sweep found ${a.unsent + b.unsent} deliveries due: not a quiet minute`);
  rows.push({
    measure: fresh ? "minute sweep, nothing due, first after a change" : "minute sweep, nothing due, state unchanged",
    base: "8 sessions",
    baseMs: a.ms,
    grown: "52 sessions",
    grownMs: b.ms,
    target: fresh
      ? "-"
      : `${clinicGroups} groups: ${((b.ms * clinicGroups * 100) / minute).toFixed(1)}% of a minute (< 2%)`,
  });
}
for (const chart of ["recorded", "left out"] as const)
  rows.push({
    measure: chart === "recorded" ? "lead summary, charts stubbed" : "lead summary without its chart",
    base: "8 sessions",
    baseMs: await summaryWork(small, chart),
    grown: "52 sessions",
    grownMs: await summaryWork(large, chart),
    target: "<= 1.2x",
  });
rows.push({
  measure: "the chart's data for a lead summary (its latest sessions' points), not drawn",
  base: "8 sessions",
  baseMs: await chartData(small),
  grown: "52 sessions",
  grownMs: await chartData(large),
  target: `${chartedSessions} sessions charted at most`,
});
const [fewDigests, manyDigests] = [await digestPass(small, clinicGroups), await digestPass(large, clinicGroups)];
rows.push({
  measure: `care team digests, one pass over ${clinicGroups} groups, charts stubbed`,
  base: "8 sessions",
  baseMs: fewDigests,
  grown: "52 sessions",
  grownMs: manyDigests,
  target: `52 sessions: ${(manyDigests / 1000).toFixed(1)} s (< 10 s)`,
});

const counts = (state: typeof large.state) =>
  `${Object.keys(state.outbox).length} outbox entries, ${Object.keys(state.prompts).length} prompts, ${Object.keys(state.answers).length} answers`;
const header = ["measure", "smaller", "ms", "larger", "ms", "ratio", "target"];
process.stdout.write(`Node ${process.version}, median of ${process.env["BENCH_RUNS"] ?? 15} runs after one warm-up\n`);
process.stdout.write(`52 sessions: ${counts(large.state)}; 8 sessions: ${counts(small.state)}\n\n`);
process.stdout.write(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n`);
for (const row of rows) {
  const cells = [row.measure, row.base, row.baseMs.toFixed(2), row.grown, row.grownMs.toFixed(2)];
  process.stdout.write(`| ${[...cells, `${(row.grownMs / row.baseMs).toFixed(2)}x`, row.target].join(" | ")} |\n`);
}
