// Fan-out benchmark: the second session's reminder to every member of a large group, through Cohesion's real
// dispatcher and Slack messenger, against a fake Slack Web API that enforces Slack's chat.postMessage limits; once
// clean and once with injected 429s and 5xx, side by side in one run, each against the floor its limits allow.
// Run with `npm run bench:fanout` (or `npm run bench`, which runs every one).
import { fanout, type FanoutResult } from "./fanout-support.js";
import type { PostLimits } from "./slack-limits-support.js";

const members = Number(process.env["BENCH_MEMBERS"] ?? 1000);
const secondMs = Number(process.env["BENCH_SLACK_SECOND_MS"] ?? 1000);
const seed = Number(process.env["BENCH_SEED"] ?? 42);
const limits: PostLimits = { perChannelPerSecond: 1, workspacePerMinute: 600, secondMs };

// mulberry32: a seeded generator, so a run's faults can be replayed.
function seeded(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const faults = { rateLimited: 0.1, serverErrors: 0.1, random: seeded(seed) };
const runs: [string, FanoutResult][] = [
  ["no limits (Cohesion's own pace)", await fanout(members, limits, { enforced: false })],
  ["Slack's limits", await fanout(members, limits, { enforced: true })],
  ["Slack's limits, 10% 429 + 10% 5xx", await fanout(members, limits, { enforced: true, faults })],
];

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const clean = runs[1]?.[1].ms ?? NaN;
const header = ["run", "posts", "sweeps", "s", "floor s", "vs floor", "vs clean", "lost", "duplicated", "outbox"];
process.stdout.write(
  `Node ${process.version}; ${members} members; limits: ${limits.perChannelPerSecond}/s per channel, ` +
    `${limits.workspacePerMinute}/min per workspace; a Slack second lasts ${secondMs} ms; fault seed ${seed}\n\n`,
);
process.stdout.write(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n`);
for (const [name, run] of runs) {
  const limited = run.floorMs > 0;
  const cells = [name, run.posts, run.sweeps, seconds(run.ms), limited ? seconds(run.floorMs) : "-"];
  const ratios = [limited ? `${(run.ms / run.floorMs).toFixed(2)}x` : "-", `${(run.ms / clean).toFixed(2)}x`];
  const outbox = Object.entries(run.outbox).map(([status, n]) => `${n} ${status}`);
  process.stdout.write(`| ${[...cells, ...ratios, run.lost, run.duplicated, outbox.join(", ")].join(" | ")} |\n`);
}
const faulty = runs[2]?.[1];
if (faulty) {
  const { overLimit, injected429, injected5xx } = faulty.limiter;
  const errors = Object.entries(injected5xx).map(([call, n]) => `${call}: ${n.posted} done, ${n.notPosted} not`);
  process.stdout.write(`\nWith faults: ${overLimit} 429s for the limits, ${injected429} injected; 5xx injected:\n`);
  for (const line of errors.sort()) process.stdout.write(`  ${line}\n`);
}
const broken = runs.filter(([, run]) => run.lost + run.duplicated > 0);
for (const [name, run] of broken)
  process.stdout.write(`\nFAILED (${name}): ${run.lost} members got no reminder, ${run.duplicated} got one twice\n`);
if (broken.length > 0) process.exitCode = 1;
