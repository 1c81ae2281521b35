import { createRememberedKeys } from "../../../app/remembered-keys.js";
import type { Clock, Logger } from "../../../kernel/ports.js";
import type { Store } from "../../../core/store.js";

// A Bot Framework token is good for about an hour, give or take its five minutes of clock tolerance.
const windowMs = 70 * 60_000;

/** Activities handled (conversation and activity id), as short hashes under `platformData.teams.seenActivities`. */
export function createRememberedActivities(store: Store, clock: Clock, logger: Logger) {
  const handled = createRememberedKeys(store, clock, {
    platform: "teams",
    field: "seenActivities",
    windowMs,
    capacity: 2000,
  });

  // If the store fails it says false (and logs it): handling an activity twice after a restart beats dropping it.
  /** Records `key` in the store; true if it was handled before. */
  async function claim(key: string): Promise<boolean> {
    try {
      if (!(await handled.claim(key))) return false;
      logger.info({ code: "teams-activity-repeated" }, "Teams activity ignored");
      return true;
    } catch (error) {
      logger.warn({ code: "teams-activity-check-failed", error: (error as Error).name }, "Teams activity not checked");
      return false;
    }
  }

  return { claim };
}

/** The record of handled activities created by createRememberedActivities. */
export type RememberedActivities = ReturnType<typeof createRememberedActivities>;
