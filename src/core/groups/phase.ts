import type { Group } from "../setup/index.js";

/** Where a group is in its life: a fixed course has thirds; an open-ended group is ongoing after its first sessions. */
export type Phase = "early" | "middle" | "late" | "ongoing";

/** How many sessions an open-ended group counts as early (forming) before it is ongoing. */
export const openEndedEarlySessions = 3;

/** The phase of session `number` of a group. */
export function phaseOf(group: Group, number: number): Phase {
  const count = group.schedule.count;
  if (count === undefined) return number <= openEndedEarlySessions ? "early" : "ongoing";
  const early = Math.max(1, Math.round(count / 3));
  const late = Math.max(early + 1, count - Math.round(count / 3) + 1);
  if (number <= early) return "early";
  return number < late ? "middle" : "late";
}

/** The first session of each phase after the first, for marking phase boundaries on a chart. */
export function phaseBoundaries(
  group: Group,
  lastSession: number,
): { readonly session: number; readonly phase: Phase }[] {
  const boundaries: { session: number; phase: Phase }[] = [];
  for (let number = 2; number <= lastSession; number += 1) {
    const phase = phaseOf(group, number);
    if (phase !== phaseOf(group, number - 1)) boundaries.push({ session: number, phase });
  }
  return boundaries;
}
