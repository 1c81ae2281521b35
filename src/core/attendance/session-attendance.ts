import type { Address } from "../../kernel/address.js";
import type { AttendanceRecord } from "./attendance-record.js";
import type { Group } from "../setup/index.js";
import { hadLeftBy, type Session } from "../groups/index.js";
import { rsvpKey, type GroupState } from "../state.js";

/** How many came to a session: recorded by a lead when they did, else how many said they would (RSVP yes). */
export interface SessionAttendance {
  readonly source: "recorded" | "rsvp";
  readonly count: number;
  /** Members of the group at that session. */
  readonly of: number;
}

/** Whether a member came to a session, and what says so (a lead's record, the member's own word after it, their RSVP); `unknown` when nothing does. */
export interface MemberAttendance {
  readonly status: "came" | "missed" | "unknown";
  readonly source: "recorded" | "member" | "rsvp";
}

/** The recorded attendance of a session, if a lead recorded it. */
export function recordedAttendance(state: Readonly<GroupState>, session: number): AttendanceRecord | undefined {
  return state.attendance[String(session)];
}

/** The group's members at a session: those who had joined by the time it ended and had not withdrawn or died before it began. */
export function membersAtSession(group: Group, state: Readonly<GroupState>, session: Session): Address[] {
  return group.members.filter((member) => {
    const joined = state.joined[member];
    return (joined === undefined || new Date(joined) <= session.endsAt) && !hadLeftBy(state, member, session.startsAt);
  });
}

/** Whether a member said they weren't at a session (the check-in's "I wasn't there" button). */
function saidAbsent(state: Readonly<GroupState>, member: Address, session: number): boolean {
  return state.saidAbsent[rsvpKey(member, session)] !== undefined;
}

/**
 * Whether a member came to a session. A member a lead named as absent missed it, and so did a member
 * who said they weren't there; the others are accounted for by the count when it leaves no doubt
 * (everyone not named came, or nobody did); otherwise their RSVP decides: "can't come" counts as missed.
 */
export function memberAttendance(
  group: Group,
  state: Readonly<GroupState>,
  session: Session,
  member: Address,
): MemberAttendance {
  const record = recordedAttendance(state, session.number);
  if (record?.absent.includes(member)) return { status: "missed", source: "recorded" };
  if (saidAbsent(state, member, session.number)) return { status: "missed", source: "member" };
  if (record) {
    const unnamed = membersAtSession(group, state, session).filter((m) => !record.absent.includes(m)).length;
    if (record.came === unnamed) return { status: "came", source: "recorded" };
    if (record.came === 0) return { status: "missed", source: "recorded" };
  }
  const rsvp = state.rsvps[rsvpKey(member, session.number)]?.response;
  return { status: rsvp === "no" ? "missed" : rsvp === "yes" ? "came" : "unknown", source: "rsvp" };
}

/** A session's attendance: the recorded count when a lead recorded it, else the RSVPs saying yes; `of` when already known. */
export function sessionAttendance(
  group: Group,
  state: Readonly<GroupState>,
  session: Session,
  rsvpYes: number,
  of = membersAtSession(group, state, session).length,
): SessionAttendance {
  const record = recordedAttendance(state, session.number);
  return record ? { source: "recorded", count: record.came, of } : { source: "rsvp", count: rsvpYes, of };
}

/**
 * Whether a member's answers about a session stay out of its climate: they said they weren't there, or a
 * lead's record made before the session's answers closed says they missed it (a later record leaves
 * published figures alone, so no member's answers can be worked out from the change).
 */
export function absentFromClimate(
  group: Group,
  state: Readonly<GroupState>,
  session: Session,
  member: Address,
  closes: Date,
): boolean {
  if (saidAbsent(state, member, session.number)) return true;
  const record = recordedAttendance(state, session.number);
  if (!record || new Date(record.at) >= closes) return false;
  const attendance = memberAttendance(group, state, session, member);
  return attendance.status === "missed" && attendance.source === "recorded";
}
