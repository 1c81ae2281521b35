import type { Address } from "../address.js";
import { indexAnswers, itemsOf, type SessionClimate } from "../climate.js";
import type { Group } from "../group.js";
import type { Instrument } from "../instrument.js";
import { hasAnswered, isPaused } from "../membership.js";
import { scoreForm } from "../scoring.js";
import { rsvpKey, type GroupState } from "../state.js";
import type { AlertSettings } from "../trends/trend-settings.js";
import type { Finding } from "./alert.js";

function sessionList(numbers: readonly number[]): string {
  return numbers.length === 1 ? `session ${numbers[0]}` : `sessions ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}

/** A member whose own Engaged sits well below the group's published mean in several of their answered sessions in a row. */
function lowEngagement(group: Group, state: Readonly<GroupState>, gcq: Instrument, closed: readonly SessionClimate[], settings: AlertSettings): Finding[] {
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
          if (recent.length < settings.memberGapSessions || recent.some((g) => g.group - g.own < settings.memberGap)) return [];
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

/** A member who said they can't come to several held sessions in a row. */
function missedSessions(group: Group, state: Readonly<GroupState>, closed: readonly SessionClimate[], settings: AlertSettings): Finding[] {
  return group.members.flatMap((member) => {
    let run: number[] = [];
    return closed.flatMap((climate): Finding[] => {
      const away = state.rsvps[rsvpKey(member, climate.session.number)]?.response === "no";
      run = away ? [...run, climate.session.number] : [];
      if (run.length < settings.missedInARow) return [];
      return [
        {
          kind: "missed-sessions",
          session: climate.session.number,
          member,
          evidence: {
            what: `They said they couldn't come to ${run.length} sessions in a row (${sessionList(run)}).`,
            basis: "Their RSVPs.",
            sureness: "Certain about the RSVPs; the reasons may be anything from treatment to second thoughts.",
          },
        },
      ];
    });
  });
}

/** A member who answered before and has now left several check-ins in a row unanswered: an early sign of dropping out. */
function stoppedAnswering(group: Group, state: Readonly<GroupState>, closed: readonly SessionClimate[], settings: AlertSettings): Finding[] {
  const closedSessions = new Set(closed.map((climate) => climate.session.number));
  return group.members
    .filter((member) => !isPaused(state, member))
    .flatMap((member: Address) => {
      const asked = [...new Set(Object.values(state.prompts).filter((p) => p.kind === "checkin" && p.recipient === member).map((p) => p.session))]
        .filter((session) => closedSessions.has(session))
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

/** Every member-level finding in a group's closed sessions (for the leads only). */
export function memberFindings(group: Group, state: Readonly<GroupState>, gcq: Instrument, climates: readonly SessionClimate[], settings: AlertSettings): Finding[] {
  const closed = climates.filter((climate) => !climate.collecting);
  return [...lowEngagement(group, state, gcq, closed, settings), ...missedSessions(group, state, closed, settings), ...stoppedAnswering(group, state, closed, settings)];
}
