import type { ChatPlatform, PlatformHealth } from "./chat-platform.js";
import type { SweepRecord } from "./sweep-record.js";

/** How long since the last successful sweep (or the start) before Cohesion counts as down: the sweep runs every minute. */
export const staleSweepMinutes = 3;

/** What GET /healthz answers: each platform's state and the last successful sweep, in codes and times only. */
export interface Liveness {
  readonly status: "ok" | "down";
  readonly platforms: Readonly<Partial<Record<ChatPlatform["name"], PlatformHealth>>>;
  readonly lastSweep: { readonly at: string | null; readonly ok: boolean };
}

/** Cohesion's liveness now: down when a platform is down or no sweep has succeeded for `staleSweepMinutes`. */
export function livenessOf(platforms: readonly ChatPlatform[], sweeps: SweepRecord, now: Date): Liveness {
  const states = Object.fromEntries(platforms.map((platform) => [platform.name, platform.health()]));
  const since = sweeps.lastSuccessAt ?? sweeps.startedAt;
  const sweepOk = now.getTime() - since.getTime() < staleSweepMinutes * 60_000;
  const allUp = Object.values(states).every((state) => state.ok);
  return {
    status: allUp && sweepOk ? "ok" : "down",
    platforms: states,
    lastSweep: { at: sweeps.lastSuccessAt?.toISOString() ?? null, ok: sweepOk },
  };
}
