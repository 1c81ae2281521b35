import { sessionAttendance, type SessionAttendance } from "../attendance/index.js";
import { climateInstrument, pulseInstrument, type CoreContext } from "../context.js";
import type { Group } from "../setup/index.js";
import { answerWindowCloses, heldSessions, type Session } from "../groups/index.js";
import { scoreForm, mean } from "../answers/index.js";
import { sampleSd } from "./statistics.js";
import { rsvpKey, type GroupState } from "../state.js";
import type { Address } from "../../kernel/address.js";
import { countsInSession } from "./session-members.js";

/** A group mean over members, or why it is not shown. */
export type Aggregate =
  | { readonly shown: true; readonly mean: number; readonly sd: number | null; readonly respondents: number }
  | { readonly shown: false; readonly respondents: number };

/** What one session's answers say, with small cells already suppressed. */
export interface SessionClimate {
  readonly session: Session;
  /** Collecting until the answer window closes; aggregates are only published once it has. */
  readonly collecting: boolean;
  readonly windowCloses: Date;
  /** Check-ins sent to members who count for this session (not absent from it, not gone before answering). */
  readonly invited: number;
  readonly respondents: number;
  /** Respondents as a share of check-ins sent (0-1), or null when none were sent. */
  readonly responseRate: number | null;
  /** Valid full check-ins (GCQ-S forms with no more than the allowed items missing). */
  readonly forms: number;
  readonly subscales: ReadonlyMap<string, Aggregate>;
  readonly pulse: Aggregate;
  readonly rsvp: { readonly yes: number; readonly no: number };
  /** How many came: as a lead recorded it, else as many as said yes to the RSVP (`source` says which). */
  readonly attendance: SessionAttendance;
}

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
export function groupClimate(
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

/** The sessions that form the group's baseline: its first two with published aggregates (none until there are two). */
export function baselineSessions(climates: readonly SessionClimate[]): SessionClimate[] {
  const published = climates.filter((c) => [...c.subscales.values()].every((a) => a.shown)).slice(0, 2);
  return published.length < 2 ? [] : published;
}

/** The group's own baseline per subscale: the mean of its first two sessions with published aggregates. */
export function baseline(climates: readonly SessionClimate[]): Map<string, number> {
  const result = new Map<string, number>();
  const published = baselineSessions(climates);
  for (const id of published[0]?.subscales.keys() ?? []) {
    const values = published.flatMap((c) => {
      const a = c.subscales.get(id);
      return a?.shown ? [a.mean] : [];
    });
    const value = mean(values);
    if (value !== null) result.set(id, value);
  }
  return result;
}
