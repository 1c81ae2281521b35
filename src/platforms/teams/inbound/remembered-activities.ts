import { createHash } from "node:crypto";
import { z } from "zod";
import type { Clock, Logger } from "../../../kernel/ports.js";
import type { Store } from "../../../core/store.js";

// A Bot Framework token is good for about an hour, give or take its five minutes of clock tolerance.
const windowMs = 70 * 60_000;
const capacity = 2000;

const storedSchema = z.record(z.string(), z.iso.datetime());

// A short hash: what is stored is never a conversation or activity id.
function digestOf(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 22);
}

// Hashes are pruned once expired, and the soonest to expire dropped beyond the capacity, on each write.
/** Activities handled (conversation and activity id), as short hashes under `platformData.teams.seenActivities`. */
export function createRememberedActivities(store: Store, clock: Clock, logger: Logger) {
  let loading: Promise<Map<string, number>> | undefined;

  async function load(): Promise<Map<string, number>> {
    const organisation = await store.readOrganisation();
    const parsed = storedSchema.safeParse(organisation.platformData?.teams?.["seenActivities"] ?? {});
    const entries = Object.entries(parsed.success ? parsed.data : {});
    return new Map(
      entries.map(([digest, at]): [string, number] => [digest, Date.parse(at)]).sort((a, b) => a[1] - b[1]),
    );
  }

  async function remember(seen: Map<string, number>, digest: string, now: number): Promise<void> {
    seen.set(digest, now + windowMs);
    for (const [old, expiresAt] of seen) if (expiresAt <= now || seen.size > capacity) seen.delete(old);
    await store.updateOrganisation((organisation) => {
      const kept = [...seen].map(([stored, expiresAt]) => [stored, new Date(expiresAt).toISOString()]);
      const teams = { ...organisation.platformData?.teams, seenActivities: Object.fromEntries(kept) };
      organisation.platformData = { ...organisation.platformData, teams };
    });
  }

  /**
   * Records `key` in the store; true if it was handled before. If the store fails, it says false (and logs it):
   * handling an activity twice after a restart is better than dropping it.
   */
  async function claim(key: string): Promise<boolean> {
    const digest = digestOf(key);
    try {
      const seen = await (loading ??= load());
      const now = clock.now().getTime();
      if ((seen.get(digest) ?? 0) > now) {
        logger.info({ code: "teams-activity-repeated" }, "Teams activity ignored");
        return true;
      }
      seen.delete(digest);
      await remember(seen, digest, now).catch((error: unknown) => {
        seen.delete(digest);
        throw error;
      });
    } catch (error) {
      loading = undefined;
      logger.warn({ code: "teams-activity-check-failed", error: (error as Error).name }, "Teams activity not checked");
    }
    return false;
  }

  return { claim };
}

/** The record of handled activities created by createRememberedActivities. */
export type RememberedActivities = ReturnType<typeof createRememberedActivities>;
