import type { ChatPlatform } from "./chat-platform.js";
import type { SweepRecord } from "./sweep-record.js";

/** How long without a successful sweep (it runs every minute) before deliveries count as stalled. */
export const stallMinutes = 10;

/** How long a platform may be down before its operators are told. */
export const platformDownMinutes = 5;

/** One reason messages may not be reaching people, in a code and counts. */
export type Trouble =
  | { readonly code: "deliveries-stalled"; readonly minutes: number }
  | { readonly code: "deliveries-failing"; readonly failed: number; readonly attempts: number }
  | {
      readonly code: "platform-down";
      readonly platform: ChatPlatform["name"];
      readonly detail: string;
      readonly minutes: number;
    };

/** Watches the sweeps and the platforms' health; each look notes since when a platform has been seen down. */
export interface TroubleWatch {
  /** The troubles at `now`. */
  troublesAt(now: Date): Trouble[];
}

const minutesBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 60_000);

/** A trouble watch over these platforms and sweeps. */
export function createTroubleWatch(platforms: readonly ChatPlatform[], sweeps: SweepRecord): TroubleWatch {
  const downSince = new Map<ChatPlatform["name"], Date>();
  return {
    troublesAt(now) {
      const troubles: Trouble[] = [];
      const sinceSweep = minutesBetween(sweeps.lastSuccessAt ?? sweeps.startedAt, now);
      if (sinceSweep >= stallMinutes) troubles.push({ code: "deliveries-stalled", minutes: sinceSweep });
      const bulk = sweeps.failingInBulk;
      if (bulk) troubles.push({ code: "deliveries-failing", ...bulk });
      for (const platform of platforms) {
        const health = platform.health();
        if (health.ok) {
          downSince.delete(platform.name);
          continue;
        }
        const since = downSince.get(platform.name) ?? now;
        downSince.set(platform.name, since);
        const minutes = minutesBetween(since, now);
        if (minutes >= platformDownMinutes)
          troubles.push({ code: "platform-down", platform: platform.name, detail: health.detail, minutes });
      }
      return troubles;
    },
  };
}
