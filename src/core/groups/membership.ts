import { DateTime } from "luxon";
import type { Address } from "../../kernel/address.js";
import type { Group } from "./group.js";
import { listSessions } from "./sessions.js";
import type { GroupState } from "../state.js";

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

/**
 * Records when each configured member joined. Members there when Cohesion first sees the group count
 * from the group's first session; anyone added later joins now, gets their orientation at once and
 * is not asked about sessions held before they came.
 */
export function noteNewMembers(group: Group, state: GroupState, now: Date): void {
  const founding = Object.keys(state.joined).length === 0;
  const firstSession = listSessions(group, new Date(0))[0]?.startsAt ?? now;
  const joined = (founding && firstSession < now ? firstSession : now).toISOString();
  for (const member of group.members) state.joined[member] ??= joined;
}

/** The group name members see: never a diagnosis, by default "your <weekday> group". */
export function memberFacingName(group: Group): string {
  if (group.memberFacingName) return group.memberFacingName;
  const weekday = DateTime.fromISO(group.schedule.firstSession, { zone: group.timezone, locale: "en-GB" }).weekdayLong;
  return `your ${weekday ?? "weekly"} group`;
}
