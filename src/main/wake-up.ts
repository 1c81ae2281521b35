import cron from "node-cron";

/** Wakes `sweep` every minute, never running two at once; returns a function that stops it. */
export function wakeEveryMinute(sweep: () => Promise<void>): () => void {
  const task = cron.schedule("* * * * *", () => sweep(), { noOverlap: true });
  return () => {
    void task.stop();
  };
}
