import { listSessions } from "../../../core/groups/index.js";
import type { Group } from "../../../core/setup/index.js";

const units: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** The instant `+30m`, `+2h`, `+1d` or `+1w` after `now`, or a short explanation of what was expected. */
export function parseClockMove(argument: string, now: Date): Date | string {
  if (argument === "")
    return `It is ${now.toISOString().slice(0, 16).replace("T", " ")} UTC. Move time with /clock +2h, +1d, +1w or next-session.`;
  const match = /^\+(\d{1,3})([mhdw])$/.exec(argument);
  const unit = match ? units[match[2] ?? ""] : undefined;
  if (!match || unit === undefined) return "Time moves forward only: try /clock +30m, +2h, +1d, +1w or next-session.";
  return new Date(now.getTime() + Number(match[1]) * unit);
}

/** When the next session of any group starts after `now`, or what to say when none is left. */
export function nextSessionStart(groups: readonly Group[], now: Date): Date | string {
  const starts = groups.flatMap((group) =>
    listSessions(group, now)
      .filter((s) => !s.cancelled && s.startsAt > now)
      .map((s) => s.startsAt.getTime()),
  );
  return starts.length > 0 ? new Date(Math.min(...starts)) : "There are no more sessions scheduled.";
}
