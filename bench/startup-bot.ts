// One start of the real bot (src/main/main.ts as a child process, as `npm start` runs it) for the start-up benchmark:
// how long until it is running, its memory from /proc, and its sweeps as GET /healthz records them.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const root = fileURLToPath(new URL("..", import.meta.url));
const minuteMs = 60_000;

/** What one start showed: times in ms, memory in MB. */
export interface StartFigures {
  /** From spawning the process to its log line saying it is running (its HTTP server then listening). */
  readonly readyMs: number;
  readonly rssReadyMb: number;
  /** The sweep it runs as soon as it is running, from that log line to the sweep's time in /healthz. */
  readonly firstSweepMs: number;
  readonly rssAfterFirstSweepMb: number;
  /** The first sweep the minute wake-up runs, from the start of that minute to its time in /healthz. */
  readonly minuteSweepMs: number;
  readonly rssAfterMinuteSweepMb: number;
  /** The most resident memory the process ever had, once its minute sweep is done. */
  readonly peakRssMb: number;
  /** Log lines of sweeps that did something (none when nothing was due). */
  readonly busySweeps: number;
}

const healthSchema = z.object({ status: z.string(), lastSweep: z.object({ at: z.string().nullable() }) });
const logLineSchema = z.looseObject({ msg: z.string(), time: z.number(), url: z.string().optional() });

/** VmRSS and VmHWM of a process, in MB. */
async function memoryMb(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** Starts the bot with exactly `env` (plus PATH and NODE_ENV=production), measures it, and stops it with SIGTERM. */
export async function measureStart(env: Record<string, string>): Promise<StartFigures> {
  const began = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main/main.ts"], {
    cwd: root,
    env: { PATH: process.env["PATH"], ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid ?? -1;
  const lines: z.infer<typeof logLineSchema>[] = [];
  let output = "";
  let pending = "";
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const running = new Promise<{ at: number; readyMs: number; url: string }>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const readyMs = performance.now() - began;
      pending += chunk.toString();
      const complete = pending.split("\n");
      pending = complete.pop() ?? "";
      for (const text of complete) {
        const line = logLineSchema.safeParse(JSON.parse(text.startsWith("{") ? text : "null"));
        if (!line.success) continue;
        lines.push(line.data);
        if (line.data.msg === "Cohesion is running" && line.data.url)
          resolve({ at: line.data.time, readyMs, url: line.data.url.replace("localhost", "127.0.0.1") });
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`Cohesion ended (code ${code}) before running:\n${output}`)));
  });
  try {
    const { at, readyMs, url } = await running;
    const ready = await memoryMb(pid);
    const health = async () => {
      const response = await fetch(`${url}/healthz`);
      return healthSchema.parse(await response.json()).lastSweep.at;
    };
    const firstSweepAt = await until(health, (sweptAt) => sweptAt !== null);
    const afterFirst = await memoryMb(pid);
    const minuteSweepAt = await until(health, (sweptAt) => sweptAt !== firstSweepAt);
    const afterMinute = await memoryMb(pid);
    const minuteSweepEnd = Date.parse(minuteSweepAt ?? "");
    return {
      readyMs,
      rssReadyMb: ready.rss,
      firstSweepMs: Date.parse(firstSweepAt ?? "") - at,
      rssAfterFirstSweepMb: afterFirst.rss,
      minuteSweepMs: minuteSweepEnd - Math.floor(minuteSweepEnd / minuteMs) * minuteMs,
      rssAfterMinuteSweepMb: afterMinute.rss,
      peakRssMb: afterMinute.peak,
      busySweeps: lines.filter((line) => line.msg === "sweep").length,
    };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

/** Asks `read` again every 50 ms until its answer passes `done` (a benchmark may poll; it asserts no time). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
