import cron from "node-cron";
import type { CoreContext } from "../core/context.js";
import { applyRetention } from "../core/erasure/index.js";
import { cronLogger } from "./wake-up.js";

/** One run of the retention job, logged in counts only; a failure is logged with its name, never thrown. */
export async function runRetention(ctx: CoreContext): Promise<void> {
  try {
    const report = await applyRetention(ctx);
    if (report.groups > 0) ctx.logger.info({ ...report }, "retention applied");
  } catch (error) {
    ctx.logger.error({ error: (error as Error).name }, "retention failed; the next run tries again");
  }
}

/** Runs the retention job now, then every night at 03:15, never two at once; resolves, after the first run, to a function that stops it. */
export async function retainDaily(ctx: CoreContext): Promise<() => void> {
  await runRetention(ctx);
  const task = cron.schedule("15 3 * * *", () => runRetention(ctx), {
    noOverlap: true,
    logger: cronLogger(ctx.logger),
  });
  return () => {
    void task.stop();
  };
}

/** For the console, whose clock jumps: runs the retention job whenever the simulated day differs from the last run's. */
export function retentionOnNewDay(ctx: CoreContext): () => Promise<void> {
  let lastDay: string | undefined;
  return async () => {
    const day = ctx.clock.now().toISOString().slice(0, 10);
    if (day === lastDay) return;
    lastDay = day;
    await runRetention(ctx);
  };
}
