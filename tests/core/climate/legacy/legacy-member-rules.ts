// The member rules as they were before closed sessions' figures were stored, reading every raw answer: the oracle.
import type { Address } from "../../../../src/kernel/address.js";
import { memberAttendance, type MemberAttendance } from "../../../../src/core/attendance/index.js";
import type { SessionClimate, AlertSettings } from "../../../../src/core/climate/index.js";
import type { Group, Instrument } from "../../../../src/core/setup/index.js";
import { isPaused, statusOf } from "../../../../src/core/groups/index.js";
import { hasAnswered, scoreForm } from "../../../../src/core/answers/index.js";
import type { GroupState } from "../../../../src/core/state.js";
import type { Finding } from "../../../../src/core/alerts/index.js";
import { indexAnswers, itemsOf } from "./legacy-climate.js";

function sessionList(numbers: readonly number[]): string {
  return numbers.length === 1
    ? `session ${numbers[0]}`
    : `sessions ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}

/** A member whose own Engaged sits well below the group's published mean in several of their answered sessions in a row. */
function lowEngagement(
  group: Group,
  state: Readonly<GroupState>,
  gcq: Instrument,
  closed: readonly SessionClimate[],
  settings: AlertSettings,
): Finding[] {
  const answers = indexAnswers(state);
  return gcq.subscales
    .filter((subscale) => subscale.higherIs === "better")
    .flatMap((subscale) =>
      group.members.flatMap((member) => {
        const gaps: { session: number; own: number; group: number }[] = [];
        return closed.flatMap((climate): Finding[] => {
          const aggregate = climate.subscales.get(subscale.id);
          const score = scoreForm(gcq, itemsOf(answers.get(climate.session.number)?.get(member), gcq.id));
          const own = score.subscales[subscale.id];
          if (!aggregate?.shown || !score.valid || own === null || own === undefined) return [];
          gaps.push({ session: climate.session.number, own, group: aggregate.mean });
          const recent = gaps.slice(-settings.memberGapSessions);
          if (recent.length < settings.memberGapSessions || recent.some((g) => g.group - g.own < settings.memberGap))
            return [];
          return [
            {
              kind: "member-low-engagement",
              session: climate.session.number,
              member,
              subscale: subscale.id,
              evidence: {
                what: `Their ${subscale.name} was ${recent.map((g) => g.own.toFixed(1)).join(" and ")} in ${sessionList(recent.map((g) => g.session))}, against the group's ${recent.map((g) => g.group.toFixed(1)).join(" and ")}.`,
                basis: `Their own full check-ins in ${recent.length} sessions.`,
                sureness: "A pattern in one person's answers: a reason to check in with them, not a conclusion.",
              },
            },
          ];
        });
      }),
    );
}

function missedEvidence(run: readonly { session: number; source: MemberAttendance["source"] }[]): Finding["evidence"] {
  const sessions = sessionList(run.map((missed) => missed.session));
  const recorded = run.filter((missed) => missed.source === "recorded").length;
  if (recorded === 0)
    return {
      what: `They said they couldn't come to ${run.length} sessions in a row (${sessions}).`,
      basis: run.every((missed) => missed.source === "rsvp")
        ? "Their RSVPs."
        : "Their RSVPs, and their own word after a session that they weren't there.",
      sureness: "Certain about the RSVPs; the reasons may be anything from treatment to second thoughts.",
    };
  return {
    what: `They missed ${run.length} sessions in a row (${sessions}).`,
    basis:
      recorded === run.length
        ? "Attendance the leads recorded."
        : "Attendance the leads recorded, and their RSVPs for the sessions not recorded.",
    sureness: "Certain about who came; the reasons may be anything from treatment to second thoughts.",
  };
}

/** A member who missed several held sessions in a row: recorded absent by a lead, or (where attendance was not recorded) said they can't come. */
function missedSessions(
  group: Group,
  state: Readonly<GroupState>,
  closed: readonly SessionClimate[],
  settings: AlertSettings,
): Finding[] {
  return group.members.flatMap((member) => {
    let run: { session: number; source: MemberAttendance["source"] }[] = [];
    return closed.flatMap((climate): Finding[] => {
      const attendance = memberAttendance(group, state, climate.session, member);
      run =
        attendance.status === "missed" ? [...run, { session: climate.session.number, source: attendance.source }] : [];
      if (run.length < settings.missedInARow) return [];
      return [{ kind: "missed-sessions", session: climate.session.number, member, evidence: missedEvidence(run) }];
    });
  });
}

// One pass over the prompts: the sessions whose check-in each member was sent.
function checkinSessionsByMember(state: Readonly<GroupState>): Map<string, Set<number>> {
  const sessions = new Map<string, Set<number>>();
  for (const prompt of Object.values(state.prompts))
    if (prompt.kind === "checkin")
      sessions.set(prompt.recipient, (sessions.get(prompt.recipient) ?? new Set()).add(prompt.session));
  return sessions;
}

/** A member who answered before and has now left several check-ins in a row unanswered (not counting sessions they missed): an early sign of dropping out. */
function stoppedAnswering(
  group: Group,
  state: Readonly<GroupState>,
  closed: readonly SessionClimate[],
  settings: AlertSettings,
): Finding[] {
  const closedSessions = new Map(closed.map((climate) => [climate.session.number, climate.session]));
  const checkinsOf = checkinSessionsByMember(state);
  return group.members
    .filter((member) => !isPaused(state, member) && statusOf(state, member) === "active")
    .flatMap((member: Address) => {
      const asked = [...(checkinsOf.get(member) ?? [])]
        .filter((number) => {
          const session = closedSessions.get(number);
          return session !== undefined && memberAttendance(group, state, session, member).status !== "missed";
        })
        .sort((a, b) => a - b);
      let answeredBefore = 0;
      let silent: number[] = [];
      return asked.flatMap((session): Finding[] => {
        if (hasAnswered(state, member, session)) {
          answeredBefore += 1;
          silent = [];
          return [];
        }
        silent = [...silent, session];
        if (answeredBefore === 0 || silent.length < settings.silentCheckins) return [];
        return [
          {
            kind: "stopped-answering",
            session,
            member,
            evidence: {
              what: `No answer to the last ${silent.length} check-ins (${sessionList(silent)}), after answering ${answeredBefore} before.`,
              basis: "Which check-ins were sent and answered.",
              sureness: "Certain about the silence; it can mean a hard week, treatment, or thinking of leaving.",
            },
          },
        ];
      });
    });
}

/** Every member-level finding in a group's closed sessions, found from the raw answers (for the leads only). */
export function legacyMemberFindings(
  group: Group,
  state: Readonly<GroupState>,
  gcq: Instrument,
  climates: readonly SessionClimate[],
  settings: AlertSettings,
): Finding[] {
  const closed = climates.filter((climate) => !climate.collecting);
  return [
    ...lowEngagement(group, state, gcq, closed, settings),
    ...missedSessions(group, state, closed, settings),
    ...stoppedAnswering(group, state, closed, settings),
  ];
}
