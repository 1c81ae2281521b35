// The start-up benchmark's measures taken in this process: opening the store on the data set, and the minute sweep
// over every group with nothing due, through the real dispatcher on that store.
import { performance } from "node:perf_hooks";
import type { Store } from "../src/core/store.js";
import { readEnv } from "../src/main/config.js";
import { assemble } from "../src/main/assemble.js";
import { loadSetup } from "../src/main/load-setup.js";
import { RecordingChartRenderer, RecordingLogger, RecordingMessenger } from "../tests/support/fakes.js";

/** Opening a store and sweeping every group of a config with it: ms to open, and the median ms of a quiet sweep. */
export interface InProcessFigures {
  readonly openMs: number;
  readonly sweepMs: number;
  readonly sweeps: number;
}

/**
 * Opens the store with `open`, then sweeps `sweeps` times after one to warm up on real time, failing if any sweep
 * found anything to do (the minute was not quiet); closes the store.
 */
export async function sweepInProcess(
  configFile: string,
  open: () => Promise<Store>,
  sweeps: number,
): Promise<InProcessFigures> {
  const setup = loadSetup(readEnv({ COHESION_CONFIG: configFile }), false);
  const began = performance.now();
  const store = await open();
  const openMs = performance.now() - began;
  const messenger = new RecordingMessenger();
  try {
    const bot = assemble({
      ...setup,
      store,
      clock: { now: () => new Date() },
      logger: new RecordingLogger(),
      messenger,
      charts: new RecordingChartRenderer(),
    });
    const times: number[] = [];
    for (let sweep = 0; sweep <= sweeps; sweep += 1) {
      const start = performance.now();
      const report = await bot.dispatcher.sweep();
      if (sweep > 0) times.push(performance.now() - start);
      const busy = report.sent + report.expired + report.failed + report.retrying + report.withheld;
      if (busy + report.groupErrors > 0) throw new Error(`the sweep was not quiet: ${JSON.stringify(report)}`);
    }
    times.sort((a, b) => a - b);
    return { openMs, sweepMs: times[Math.floor(times.length / 2)] ?? Number.NaN, sweeps };
  } finally {
    await store.close();
  }
}
