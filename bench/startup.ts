// Start-up and memory with a hospital's groups: the real bot started on no data and on 500 groups a year into weekly
// sessions (file store, and PostgreSQL when reachable), taking turns in one run; then the minute sweep with nothing
// due, timed in this process on the same data. Run with `npm run bench:startup` (BENCH_GROUPS=500, BENCH_RUNS=3).
import { mkdtemp } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { DocumentCipher } from "../src/store/document-cipher.js";
import { openFileStore } from "../src/store/file-store.js";
import { FakeSlackApi } from "../tests/platforms/slack/fake-slack-api.js";
import { signingSecret } from "../tests/platforms/slack/slack-requests.js";
import { measureStart, type StartFigures } from "./startup-bot.js";
import { buildDataSet, historySessions, postgresBenchStore, removeDataSet } from "./startup-dataset.js";
import { dropSchema, postgresProblem, urlInSchema } from "./postgres-support.js";
import { sweepInProcess, type InProcessFigures } from "./startup-sweep.js";

const groups = Number(process.env["BENCH_GROUPS"] ?? 500);
const runs = Number(process.env["BENCH_RUNS"] ?? 3);
const databaseUrl = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";
const minuteMs = 60_000;
const say = (text: string) => process.stdout.write(`${text}\n`);

const problem = await postgresProblem(databaseUrl);
say(
  `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GB`,
);
say(problem === undefined ? `PostgreSQL at ${databaseUrl}` : `PostgreSQL cannot be reached (${problem}): skipped`);
const data = await buildDataSet(groups, problem === undefined ? databaseUrl : undefined);
say(
  `${groups} groups x ${historySessions} sessions x 12 members built and written in ${data.buildSeconds.toFixed(0)} s`,
);
const fake = await FakeSlackApi.start();
fake.clock = () => new Date();

try {
  // Teams without authentication runs beside Slack only so that the bot listens on 127.0.0.1 alone.
  const base = {
    DATA_ENCRYPTION_KEY: data.key.toString("base64"),
    PORT: "0",
    LOG_LEVEL: "info",
    SLACK_BOT_TOKEN: "xoxb-startup-bench-token",
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: fake.apiUrl,
    TEAMS_ALLOW_UNAUTHENTICATED: "true",
  };
  const cases = [
    {
      name: "no stored data",
      env: async () => ({
        ...base,
        COHESION_CONFIG: data.emptyConfig,
        DATA_DIR: await mkdtemp(join(data.dir, "empty-")),
      }),
    },
    { name: "file store", env: async () => ({ ...base, COHESION_CONFIG: data.fullConfig, DATA_DIR: data.dataDir }) },
    ...(data.postgresSchema === undefined
      ? []
      : [
          {
            name: "PostgreSQL",
            env: async () => ({
              ...base,
              COHESION_CONFIG: data.fullConfig,
              DATA_DIR: await mkdtemp(join(data.dir, "pg-")),
              DATABASE_URL: urlInSchema(databaseUrl, data.postgresSchema ?? ""),
            }),
          },
        ]),
  ];
  const figures = new Map<string, StartFigures[]>(cases.map(({ name }) => [name, []]));
  const failures = new Map<string, string>();
  for (let run = 1; run <= runs; run += 1)
    for (const { name, env } of cases) {
      const start = await measureStart(await env()).catch((error: unknown) => {
        failures.set(name, (error as Error).message);
        return undefined;
      });
      if (start) figures.get(name)?.push(start);
      say(
        start
          ? `run ${run}, ${name}: running in ${start.readyMs.toFixed(0)} ms, ${start.rssAfterMinuteSweepMb.toFixed(0)} MB`
          : `run ${run}, ${name}: ${failures.get(name)}`,
      );
    }
  const inProcess = new Map<string, InProcessFigures>();
  const cipher = () => new DocumentCipher(data.key);
  inProcess.set(
    "file store",
    await sweepInProcess(data.fullConfig, () => openFileStore(data.dataDir, { cipher: cipher() }), 5),
  );
  if (data.postgresSchema !== undefined) {
    const schema = data.postgresSchema;
    inProcess.set(
      "PostgreSQL",
      await sweepInProcess(data.fullConfig, () => postgresBenchStore(databaseUrl, schema, data.key), 5),
    );
  }
  report(figures, inProcess);
  for (const [name, reason] of failures) say(`\n${name}: a start failed: ${reason.trim()}`);
  say(`\nMessages posted to the fake Slack over the whole run: ${fake.ledger.length}`);
} finally {
  await fake.close();
  await removeDataSet(data);
  if (data.postgresSchema !== undefined) await dropSchema(databaseUrl, data.postgresSchema);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function report(figures: Map<string, StartFigures[]>, inProcess: Map<string, InProcessFigures>): void {
  const names = [...figures.keys()];
  const [empty] = names;
  const of = (name: string, pick: (start: StartFigures) => number) => median((figures.get(name) ?? []).map(pick));
  const rows: [string, (start: StartFigures) => number][] = [
    ["time to running (spawn to log line), ms", (s) => s.readyMs],
    ["RSS once running, MB", (s) => s.rssReadyMb],
    ["first sweep (right after start), ms", (s) => s.firstSweepMs],
    ["RSS after the first sweep, MB", (s) => s.rssAfterFirstSweepMb],
    ["minute sweep, nothing due, ms (from /healthz)", (s) => s.minuteSweepMs],
    ["RSS after the first minute sweep, MB", (s) => s.rssAfterMinuteSweepMb],
    ["peak RSS (VmHWM), MB", (s) => s.peakRssMb],
    ["sweeps that did something", (s) => s.busySweeps],
  ];
  const header = ["measure (median of runs)", ...names.flatMap((name) => (name === empty ? [name] : [name, "ratio"]))];
  say(`\n${groups} groups, median of ${runs} starts each, taking turns\n`);
  say(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
  for (const [measure, pick] of rows) {
    const baseline = of(empty ?? "", pick);
    const cells = names.flatMap((name) => {
      const value = of(name, pick);
      const ratio = baseline > 0 ? `${(value / baseline).toFixed(2)}x` : "-";
      return name === empty ? [value.toFixed(0)] : [value.toFixed(0), ratio];
    });
    say(`| ${[measure, ...cells].join(" | ")} |`);
  }
  say("");
  for (const [name, { openMs, sweepMs, sweeps }] of inProcess)
    say(
      `${name}, in this process: opened in ${openMs.toFixed(0)} ms; a minute sweep of ${groups} groups with nothing due ` +
        `${sweepMs.toFixed(1)} ms (median of ${sweeps}), ${((sweepMs * 100) / minuteMs).toFixed(2)}% of the minute`,
    );
}
