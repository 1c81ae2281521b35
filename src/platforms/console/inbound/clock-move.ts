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
