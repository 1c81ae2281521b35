import type { Address } from "../../kernel/address.js";
import type { MemberAttendance } from "../attendance/index.js";
import type { SessionClimate, AlertSettings, SessionFigures } from "../climate/index.js";
import type { Group, Instrument } from "../setup/index.js";
import { isPaused, statusOf } from "../groups/index.js";
import type { GroupState } from "../state.js";
import type { Finding } from "./alert.js";

function sessionList(numbers: readonly number[]): string {
  return numbers.length === 1
    ? `session ${numbers[0]}`
    : `sessions ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}

/** A member whose own Engaged sits well below the group's published mean in several of their answered sessions in a row. */
function lowEngagement(
  group: Group,
  gcq: Instrument,
  closed: readonly SessionClimate[],
  figures: ReadonlyMap<number, SessionFigures>,
  settings: AlertSettings,
): Finding[] {
  return gcq.subscales
    .filter((subscale) => subscale.higherIs === "better")
    .flatMap((subscale) =>
      group.members.flatMap((member) => {
        const gaps: { session: number; own: number; group: number }[] = [];
        return closed.flatMap((climate): Finding[] => {
          const aggregate = climate.subscales.get(subscale.id);
          // Only valid full check-ins have scores.
          const own = figures.get(climate.session.number)?.scores[member]?.[subscale.id];
          if (!aggregate?.shown || own === null || own === undefined) return [];
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
  closed: readonly SessionClimate[],
  figures: ReadonlyMap<number, SessionFigures>,
  settings: AlertSettings,
): Finding[] {
  return group.members.flatMap((member) => {
    let run: { session: number; source: MemberAttendance["source"] }[] = [];
    return closed.flatMap((climate): Finding[] => {
      const source = figures.get(climate.session.number)?.missed[member];
      run = source === undefined ? [] : [...run, { session: climate.session.number, source }];
      if (run.length < settings.missedInARow) return [];
      return [{ kind: "missed-sessions", session: climate.session.number, member, evidence: missedEvidence(run) }];
    });
  });
}

/** A member who answered before and has now left several check-ins in a row unanswered (not counting sessions they missed): an early sign of dropping out. Found for every member; see stillAnswerable. */
function stoppedAnswering(
  group: Group,
  closed: readonly SessionClimate[],
  figures: ReadonlyMap<number, SessionFigures>,
  settings: AlertSettings,
): Finding[] {
  const sessions = closed.flatMap((climate) => {
    const figured = figures.get(climate.session.number);
    if (!figured) return [];
    const [sent, answered] = [new Set<Address>(figured.sent), new Set<Address>(figured.answered)];
    return [{ number: climate.session.number, sent, answered, missed: figured.missed }];
  });
  return group.members.flatMap((member: Address) => {
    const asked = sessions.filter((session) => session.sent.has(member) && session.missed[member] === undefined);
    let answeredBefore = 0;
    let silent: number[] = [];
    return asked.flatMap(({ number, answered }): Finding[] => {
      if (answered.has(member)) {
        answeredBefore += 1;
        silent = [];
        return [];
      }
      silent.push(number);
      if (answeredBefore === 0 || silent.length < settings.silentCheckins) return [];
      return [
        {
          kind: "stopped-answering",
          session: number,
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

/** Whether a finding still concerns its member as they are now: a silence only counts while they are active and not paused. */
export function stillAnswerable(state: Readonly<GroupState>): (finding: Finding) => boolean {
  const answerable = new Map<Address, boolean>();
  return ({ kind, member }) => {
    if (kind !== "stopped-answering" || member === undefined) return true;
    const known = answerable.get(member);
    if (known !== undefined) return known;
    const answering = !isPaused(state, member) && statusOf(state, member) === "active";
    answerable.set(member, answering);
    return answering;
  };
}

/** What the member rules read: the group, its instrument, its climate and each closed session's figures. */
export interface MemberWatch {
  readonly group: Group;
  readonly gcq: Instrument;
  readonly climates: readonly SessionClimate[];
  /** Each closed session's figures, by session number (see figuresOfClosed). */
  readonly figures: ReadonlyMap<number, SessionFigures>;
  readonly settings: AlertSettings;
}

/** Every member-level finding in a group's closed sessions (for the leads only), whatever each member's status now (see stillAnswerable). */
export function memberFindings({ group, gcq, climates, figures, settings }: MemberWatch): Finding[] {
  const closed = climates.filter((climate) => !climate.collecting);
  return [
    ...lowEngagement(group, gcq, closed, figures, settings),
    ...missedSessions(group, closed, figures, settings),
    ...stoppedAnswering(group, closed, figures, settings),
  ];
}
