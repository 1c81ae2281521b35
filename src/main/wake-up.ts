import cron, { type Logger as CronLogger } from "node-cron";
import type { Logger } from "../kernel/ports.js";

/** node-cron's own messages, written through Cohesion's logger (never to stdout or stderr); an error shows only its name. */
export function cronLogger(logger: Logger): CronLogger {
  const fields = (error?: unknown) => ({
    source: "node-cron",
    ...(error instanceof Error ? { error: error.name } : {}),
  });
  const text = (message: string | Error) => (typeof message === "string" ? message : "scheduler error");
  return {
    info: (message) => logger.info(fields(), message),
    warn: (message) => logger.warn(fields(), message),
    error: (message, error) => logger.error(fields(error ?? message), text(message)),
    debug: () => undefined,
  };
}

/** Wakes `sweep` every minute, never running two at once; returns a function that stops it. */
export function wakeEveryMinute(sweep: () => Promise<void>, logger: Logger): () => void {
  const task = cron.schedule("* * * * *", () => sweep(), { noOverlap: true, logger: cronLogger(logger) });
  return () => {
    void task.stop();
  };
}
