// Ack latency benchmark: how long Slack waits for the answer to a check-in click, through Cohesion's real Slack
// receiver and store against a bare Bolt app that only acknowledges, measured side by side in one run. Run with
// `npm run bench:ack` (or `npm run bench`, which runs every one).
import { MemoryStore } from "../src/store/memory-store.js";
import { sendClicks, type AckLatency } from "./ack-load-support.js";
import { bareBoltExpress, bareBoltHttp, cohesionForClicks, type ClickServer } from "./ack-servers-support.js";
import { encryptedFileStore, encryptedPostgresStore, type BenchStore } from "./slack-bench-support.js";

const connections = Number(process.env["BENCH_CONNECTIONS"] ?? 50);
const amount = Number(process.env["BENCH_REQUESTS"] ?? 5_000);
const warmup = Number(process.env["BENCH_WARMUP"] ?? 500);
const members = Number(process.env["BENCH_MEMBERS"] ?? 50);
const target = 1.25;

interface Row {
  readonly server: string;
  readonly latency: AckLatency;
  /** The p99 of bare Bolt on its HTTPReceiver, measured just before, with the same clicks. */
  readonly boltP99: number;
  readonly note: string;
}

async function measure(server: ClickServer, bodies: readonly string[]): Promise<AckLatency> {
  try {
    await sendClicks({ url: server.url, bodies, connections, amount: warmup });
    return await sendClicks({ url: server.url, bodies, connections, amount });
  } finally {
    await server.stop();
  }
}

/**
 * Cohesion on `opened`, once its check-ins are out, beside bare Bolt receiving the same clicks just before it (the
 * machine's load drifts, so each ratio compares neighbours); the first also measures Bolt's ExpressReceiver.
 */
async function besideBolt(
  server: string,
  opened: BenchStore | string,
  withExpress: boolean,
): Promise<(Row | string)[]> {
  if (typeof opened === "string") return [`${server}: not measured, ${opened}`];
  try {
    const cohesion = await cohesionForClicks(opened.store, members);
    const bolt = await measure(await bareBoltHttp(), cohesion.bodies);
    const rows: Row[] = [{ server: "bare Bolt, HTTPReceiver", latency: bolt, boltP99: bolt.p99, note: "just before" }];
    if (withExpress) {
      const express = await measure(await bareBoltExpress(), cohesion.bodies);
      rows.push({ server: "bare Bolt, ExpressReceiver", latency: express, boltP99: bolt.p99, note: "" });
    }
    const updatesBefore = cohesion.updates();
    const latency = await measure(cohesion, cohesion.bodies);
    const replayed = cohesion.logger.codes.get("slack-request-replayed") ?? 0;
    const answered = cohesion.updates() - updatesBefore;
    if (replayed > 0) throw new Error(`${server}: ${replayed} clicks were taken for replays`);
    if (answered === 0) throw new Error(`${server}: no click was answered`);
    return [...rows, { server, latency, boltP99: bolt.p99, note: `${answered} answers shown` }];
  } finally {
    await opened.dispose();
  }
}

/** `opened` with every key claim granted at once and nothing written: what Cohesion costs without its replay check. */
function claimsStubbed(opened: BenchStore): BenchStore {
  const store = new Proxy(opened.store, {
    get: (target, name): unknown => {
      if (name === "claimKey") return async () => true;
      const value: unknown = Reflect.get(target, name);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { ...opened, store };
}

const memoryStore = { name: "memory store", store: new MemoryStore(), dispose: async () => undefined };
const rows: (Row | string)[] = [
  ...(await besideBolt("Cohesion, memory store", memoryStore, true)),
  ...(await besideBolt("Cohesion, encrypted file store", await encryptedFileStore(), false)),
  ...(await besideBolt("Cohesion, encrypted PostgreSQL store", await encryptedPostgresStore(), false)),
  ...(await besideBolt(
    "Cohesion, encrypted file store, replay check stubbed",
    claimsStubbed(await encryptedFileStore()),
    false,
  )),
];

const header = [
  "server",
  "p50 ms",
  "p99 ms",
  "bare Bolt p99 ms",
  "p99 ratio",
  "requests/s",
  "non-2xx / errors",
  "note",
];
process.stdout.write(
  `Node ${process.version}; ${amount} clicks over ${connections} connections after ${warmup} to warm up; ` +
    `${members} members pressing their pulse choices, each click freshly signed\n\n`,
);
process.stdout.write(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n`);
let missed = false;
for (const row of rows) {
  if (typeof row === "string") {
    process.stdout.write(`| ${row} |\n`);
    continue;
  }
  const { p50, p99, perSecond, non2xx, errors, timeouts } = row.latency;
  const ratio = p99 / row.boltP99;
  if (/^Cohesion, encrypted [^,]+$/.test(row.server) && ratio > target) missed = true;
  const cells = [row.server, p50.toFixed(0), p99.toFixed(0), row.boltP99.toFixed(0), `${ratio.toFixed(2)}x`];
  process.stdout.write(
    `| ${[...cells, perSecond.toFixed(0), `${non2xx} / ${errors + timeouts}`, row.note].join(" | ")} |\n`,
  );
}
process.stdout.write(`\nTarget: Cohesion's p99 within ${target}x of bare Bolt's: ${missed ? "missed" : "met"}\n`);
