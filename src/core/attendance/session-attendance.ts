import type { Address } from "../../kernel/address.js";
import type { AttendanceRecord } from "./attendance-record.js";
import type { Group } from "../setup/index.js";
import type { Session } from "../groups/index.js";
import { rsvpKey, type GroupState } from "../state.js";

/** How many came to a session: recorded by a lead when they did, else how many said they would (RSVP yes). */
export interface SessionAttendance {
  readonly source: "recorded" | "rsvp";
  readonly count: number;
  /** Members of the group at that session. */
  readonly of: number;
}

/** Whether a member came to a session, and what says so; `unknown` when nothing does. */
export interface MemberAttendance {
  readonly status: "came" | "missed" | "unknown";
  readonly source: "recorded" | "rsvp";
}

/** The recorded attendance of a session, if a lead recorded it. */
export function recordedAttendance(state: Readonly<GroupState>, session: number): AttendanceRecord | undefined {
  return state.attendance[String(session)];
}

/** The group's members at a session: those who had joined by the time it ended (members who joined later were not there to come). */
export function membersAtSession(group: Group, state: Readonly<GroupState>, session: Session): Address[] {
  return group.members.filter((member) => {
    const joined = state.joined[member];
    return joined === undefined || new Date(joined) <= session.endsAt;
  });
}

/**
 * Whether a member came to a session. A member a lead named as absent missed it; the others are
 * accounted for by the count when it leaves no doubt (everyone not named came, or nobody did);
 * otherwise their RSVP decides: "can't come" counts as missed.
 */
export function memberAttendance(
  group: Group,
  state: Readonly<GroupState>,
  session: Session,
  member: Address,
): MemberAttendance {
  const record = recordedAttendance(state, session.number);
  if (record) {
    if (record.absent.includes(member)) return { status: "missed", source: "recorded" };
    const unnamed = membersAtSession(group, state, session).filter((m) => !record.absent.includes(m)).length;
    if (record.came === unnamed) return { status: "came", source: "recorded" };
    if (record.came === 0) return { status: "missed", source: "recorded" };
  }
  const rsvp = state.rsvps[rsvpKey(member, session.number)]?.response;
  return { status: rsvp === "no" ? "missed" : rsvp === "yes" ? "came" : "unknown", source: "rsvp" };
}

/** A session's attendance: the recorded count when a lead recorded it, else the RSVPs saying yes. */
export function sessionAttendance(
  group: Group,
  state: Readonly<GroupState>,
  session: Session,
  rsvpYes: number,
): SessionAttendance {
  const of = membersAtSession(group, state, session).length;
  const record = recordedAttendance(state, session.number);
  return record ? { source: "recorded", count: record.came, of } : { source: "rsvp", count: rsvpYes, of };
}
