import type { Address } from "../../kernel/address.js";
import { membersAtSession, recordedAttendance } from "./session-attendance.js";
import { appendAudit } from "../privacy/index.js";
import type { CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import { isLead, type Group } from "../setup/index.js";
import { hadLeftBy, resolveMember, sessionByNumber, type Session } from "../groups/index.js";
import { formatLocal } from "../../kernel/time.js";
import type { GroupState } from "../state.js";

/** What a lead says about a held session: how many came, and whom they name as absent (as typed). */
export interface AttendanceReport {
  readonly session: number;
  readonly came: number;
  readonly absent: readonly string[];
}

/** What was stored: the session, how many came of how many members, how many were named absent, and whether it replaced an earlier record. */
export interface AttendanceOutcome {
  readonly session: Session;
  readonly came: number;
  readonly of: number;
  readonly namedAbsent: number;
  readonly replaced: boolean;
}

function bad(message: string): UserError {
  return new UserError("bad-arguments", message);
}

function heldSession(group: Group, number: number, now: Date): Session {
  const session = sessionByNumber(group, number);
  if (!session)
    throw bad(
      `${group.name} has ${group.schedule.count ?? "no such"} sessions, so there is no session ${number}. Nothing was recorded.`,
    );
  if (session.cancelled)
    throw bad(`Session ${number} was cancelled, so there is no attendance to record. Nothing was recorded.`);
  if (session.startsAt > now)
    throw bad(
      `Session ${number} hasn't been held yet (it is on ${formatLocal(session.startsAt, group.timezone, "day-time")}). You can record who came once it has started.`,
    );
  return session;
}

function absentMembers(
  group: Group,
  state: Readonly<GroupState>,
  session: Session,
  references: readonly string[],
): Address[] {
  const present = membersAtSession(group, state, session);
  const absent = new Set<Address>();
  for (const reference of references) {
    const member = resolveMember(reference, group.members);
    const shown = reference.slice(0, 40);
    if (!member)
      throw bad(
        `I couldn't find "${shown}" among the members of ${group.name}. Name a member with an @mention, their address (such as slack:U123) or their name as Cohesion knows it. Nothing was recorded.`,
      );
    if (hadLeftBy(state, member, session.startsAt))
      throw bad(
        `"${shown}" had left ${group.name} before session ${session.number}, so they don't count for it. Nothing was recorded.`,
      );
    if (!present.includes(member))
      throw bad(
        `"${shown}" joined ${group.name} after session ${session.number}, so they can't have missed it. Nothing was recorded.`,
      );
    absent.add(member);
  }
  return [...absent];
}

/**
 * Records, for one of the group's leads, who actually came to a held session, replacing any earlier
 * record of it, with an audit entry in the same update. Anything that does not fit (a session not yet
 * held, more people than the group had, a name that is not a member) is refused and changes nothing.
 */
export async function recordAttendance(
  ctx: CoreContext,
  group: Group,
  lead: Address,
  report: AttendanceReport,
): Promise<AttendanceOutcome> {
  if (!isLead(group, lead))
    throw new UserError(
      "not-allowed",
      `Attendance is recorded by the leads of ${group.name}, so I haven't changed anything.`,
    );
  const now = ctx.clock.now();
  const session = heldSession(group, report.session, now);
  return ctx.store.updateGroup(group.id, (state) => {
    const of = membersAtSession(group, state, session).length;
    if (report.came > of)
      throw bad(
        `${group.name} had ${of} member${of === 1 ? "" : "s"} at session ${session.number}, so at most ${of} can have come. Nothing was recorded.`,
      );
    const absent = absentMembers(group, state, session, report.absent);
    if (report.came + absent.length > of)
      throw bad(
        `${report.came} came and ${absent.length} named as absent makes more than the ${of} members ${group.name} had at session ${session.number}. Nothing was recorded.`,
      );
    const replaced = recordedAttendance(state, session.number) !== undefined;
    state.attendance[String(session.number)] = { came: report.came, absent, by: lead, at: now.toISOString() };
    appendAudit(
      state,
      lead,
      "attendance-recorded",
      now,
      `session ${session.number}: ${report.came} came, ${absent.length} named absent`,
    );
    return { session, came: report.came, of, namedAbsent: absent.length, replaced };
  });
}
