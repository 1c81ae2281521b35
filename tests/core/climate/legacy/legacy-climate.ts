// The published and lead climate as computed before closed sessions' figures were stored, from every raw answer on
// each read: kept as the oracle that the stored figures must reproduce exactly.
import type { Address } from "../../../../src/kernel/address.js";
import { scoreForm, mean } from "../../../../src/core/answers/index.js";
import { sessionAttendance } from "../../../../src/core/attendance/index.js";
import { countsInSession, sampleSd, type Aggregate, type SessionClimate } from "../../../../src/core/climate/index.js";
import { climateInstrument, pulseInstrument, type CoreContext } from "../../../../src/core/context.js";
import { answerWindowCloses, heldSessions } from "../../../../src/core/groups/index.js";
import type { Group } from "../../../../src/core/setup/index.js";
import { rsvpKey, type GroupState } from "../../../../src/core/state.js";

function aggregate(values: number[], minResponses: number): Aggregate {
  const value = mean(values);
  if (value === null || values.length < minResponses) return { shown: false, respondents: values.length };
  return { shown: true, mean: value, sd: sampleSd(values), respondents: values.length };
}

/** Answers indexed as session -> member -> "instrument|item" -> value, built in one pass. */
export function indexAnswers(state: Readonly<GroupState>): Map<number, Map<string, Map<string, number>>> {
  const index = new Map<number, Map<string, Map<string, number>>>();
  for (const [key, answer] of Object.entries(state.answers)) {
    const [member = "", session = "", instrument = "", item = ""] = key.split("|");
    const bySession = index.get(Number(session)) ?? new Map<string, Map<string, number>>();
    index.set(Number(session), bySession);
    const byMember = bySession.get(member) ?? new Map<string, number>();
    bySession.set(member, byMember);
    byMember.set(`${instrument}|${item}`, answer.value);
  }
  return index;
}

/** One instrument's answers out of a member's answers for a session, by item id. */
export function itemsOf(answers: ReadonlyMap<string, number> | undefined, instrument: string): Map<string, number> {
  const prefix = `${instrument}|`;
  return new Map(
    [...(answers ?? [])]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), value]),
  );
}

/** Who was sent each session's check-in, by session number. */
function checkinRecipients(state: Readonly<GroupState>): Map<number, Address[]> {
  const bySession = new Map<number, Address[]>();
  for (const prompt of Object.values(state.prompts))
    if (prompt.kind === "checkin")
      bySession.set(prompt.session, [...(bySession.get(prompt.session) ?? []), prompt.recipient]);
  return bySession;
}

/** The climate of every held session of a group, in order, suppressing aggregates below the privacy floor; only members who count for a session (see countsInSession) are in it. */
export function legacyGroupClimate(
  ctx: CoreContext,
  group: Group,
  state: Readonly<GroupState>,
  now: Date,
  figures: { readonly minResponses: number; readonly provisional: boolean } = {
    minResponses: ctx.organisation.privacy.minResponses,
    provisional: false,
  },
): SessionClimate[] {
  const gcq = climateInstrument(ctx);
  const pulse = pulseInstrument(ctx);
  const { minResponses } = figures;
  const checkins = checkinRecipients(state);
  const answers = indexAnswers(state);
  return heldSessions(group, now).map((session) => {
    const windowCloses = answerWindowCloses(group, session, ctx.organisation.timing.answerWindowHours);
    const collecting = now < windowCloses;
    // Figures published before members' answers were erased stay as they were (see freezeClosedSessions).
    const frozen = collecting ? undefined : state.frozenClimate[String(session.number)];
    if (frozen) {
      const attendance = sessionAttendance(group, state, session, frozen.rsvp.yes);
      return {
        ...frozen,
        session,
        collecting,
        windowCloses,
        subscales: new Map(Object.entries(frozen.subscales)),
        attendance,
      };
    }
    const byMember = answers.get(session.number) ?? new Map<string, Map<string, number>>();
    const answered = (member: Address) => (byMember.get(member)?.size ?? 0) > 0;
    const counts = countsInSession({ group, state, session, closes: windowCloses, now, answered });
    const members = group.members.filter(counts);
    const scores = members.map((member) => scoreForm(gcq, itemsOf(byMember.get(member), gcq.id)));
    const valid = scores.filter((score) => score.valid);
    const pulses = members.flatMap((member) => [...itemsOf(byMember.get(member), pulse.id).values()]);
    const floor = collecting && !figures.provisional ? Number.POSITIVE_INFINITY : minResponses;
    const subscales = new Map(
      gcq.subscales.map((subscale) => {
        const values = valid.flatMap((score) => {
          const value = score.subscales[subscale.id];
          return value === null || value === undefined ? [] : [value];
        });
        return [subscale.id, aggregate(values, floor)] as const;
      }),
    );
    const respondents = members.filter(answered).length;
    const rsvps = group.members.map((member) => state.rsvps[rsvpKey(member, session.number)]?.response);
    const invited = (checkins.get(session.number) ?? []).filter(counts).length;
    const rsvp = { yes: rsvps.filter((r) => r === "yes").length, no: rsvps.filter((r) => r === "no").length };
    return {
      session,
      collecting,
      windowCloses,
      invited,
      respondents,
      responseRate: invited === 0 ? null : Math.min(1, respondents / invited),
      forms: valid.length,
      subscales,
      pulse: aggregate(pulses, floor),
      rsvp,
      attendance: sessionAttendance(group, state, session, rsvp.yes),
    };
  });
}

/** The old lead climate: figures from `privacy.leadMinResponses` answers, provisional while answers are open. */
export function legacyLeadClimate(ctx: CoreContext, group: Group, state: Readonly<GroupState>, now: Date) {
  return legacyGroupClimate(ctx, group, state, now, {
    minResponses: ctx.organisation.privacy.leadMinResponses,
    provisional: true,
  });
}
