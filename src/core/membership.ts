import { DateTime } from "luxon";
import type { Address } from "./address.js";
import type { Group } from "./group.js";
import type { GroupState } from "./state.js";

/** Whether a member asked for a break from scheduled messages. */
export function isPaused(state: Readonly<GroupState>, member: Address): boolean {
  return state.paused[member] !== undefined;
}

/** Members who currently want scheduled messages. */
export function activeMembers(group: Group, state: Readonly<GroupState>): Address[] {
  return group.members.filter((member) => !isPaused(state, member));
}

/** Whether a member gave any answer for a session. */
export function hasAnswered(state: Readonly<GroupState>, member: Address, session: number): boolean {
  const prefix = `${member}|${session}|`;
  return Object.keys(state.answers).some((key) => key.startsWith(prefix));
}

/** Records the first time each configured member is seen, so late joiners get their orientation. */
export function noteNewMembers(group: Group, state: GroupState, now: Date): void {
  for (const member of group.members) state.joined[member] ??= now.toISOString();
}

/** The group name members see: never a diagnosis, by default "your <weekday> group". */
export function memberFacingName(group: Group): string {
  if (group.memberFacingName) return group.memberFacingName;
  const weekday = DateTime.fromISO(group.schedule.firstSession, { zone: group.timezone, locale: "en-GB" }).weekdayLong;
  return `your ${weekday ?? "weekly"} group`;
}
