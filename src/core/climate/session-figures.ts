import { createHash } from "node:crypto";
import type { Address } from "../../kernel/address.js";
import { mean, scoreForm, type FormScore } from "../answers/index.js";
import { memberAttendance, membersAtSession, recordedAttendance } from "../attendance/index.js";
import { checkinInstruments, climateInstrument, pulseInstrument, type CoreContext } from "../context.js";
import type { Session } from "../groups/index.js";
import type { Group, Instrument } from "../setup/index.js";
import { answerKey, rsvpKey, type GroupState } from "../state.js";
import { countsInSession } from "./session-members.js";
import type { SessionFigures, Statistic } from "./session-figures-record.js";
import { sampleSd } from "./statistics.js";

/** A session and the instant its answer window closes. */
export interface ClosingSession {
  readonly session: Session;
  readonly windowCloses: Date;
}

/** The instruments a member's answers about a session can belong to: the pulse, the GCQ-S and the group's own. */
function answeredInstruments(ctx: CoreContext, group: Group): Instrument[] {
  return [pulseInstrument(ctx), climateInstrument(ctx), ...checkinInstruments(ctx, group)];
}

// A group's configuration does not change while Cohesion runs, so its part of the basis is worked out once, and
// with it the part each window's close adds.
interface GroupBasis {
  readonly basis: string;
  readonly byClose: Map<number, string>;
}

const groupBases = new WeakMap<CoreContext, WeakMap<Group, GroupBasis>>();

function groupBasis(ctx: CoreContext, group: Group): GroupBasis {
  const known = groupBases.get(ctx)?.get(group);
  if (known) return known;
  const instruments = answeredInstruments(ctx, group).map((instrument) => ({
    id: instrument.id,
    scale: instrument.scale,
    maxMissing: instrument.maxMissing,
    items: instrument.items.map((item) => [item.id, item.subscale, item.reverse === true]),
    subscales: instrument.subscales.map((subscale) => subscale.id),
  }));
  const basis = createHash("sha256")
    .update(JSON.stringify({ members: group.members, instruments }))
    .digest("hex")
    .slice(0, 16);
  const byGroup = groupBases.get(ctx) ?? new WeakMap<Group, GroupBasis>();
  const made = { basis, byClose: new Map<number, string>() };
  byGroup.set(group, made);
  groupBases.set(ctx, byGroup);
  return made;
}

function closingBasis(ctx: CoreContext, group: Group, windowCloses: Date): string {
  const { basis, byClose } = groupBasis(ctx, group);
  const known = byClose.get(windowCloses.getTime());
  if (known !== undefined) return known;
  const closing = `v1:${basis}:${windowCloses.toISOString()}`;
  byClose.set(windowCloses.getTime(), closing);
  return closing;
}

/**
 * What a closed session's figures depend on besides its answers, prompts, RSVPs and members' word that they weren't
 * there (which stop changing when its window closes, except by an erasure, which computes them again): the group's
 * members and instruments, when the window closed, and the attendance a lead recorded, which may come at any time.
 */
export function figuresBasis(ctx: CoreContext, group: Group, state: Readonly<GroupState>, closing: ClosingSession) {
  const recorded = recordedAttendance(state, closing.session.number)?.at ?? "none";
  return `${closingBasis(ctx, group, closing.windowCloses)}:${recorded}`;
}

function statistic(values: readonly number[]): Statistic {
  return { n: values.length, mean: mean(values), sd: sampleSd(values) };
}

/** One member's answers about a session, by instrument and then item, looked up key by key. */
function answersOf(state: Readonly<GroupState>, instruments: readonly Instrument[], member: Address, session: number) {
  const byInstrument = new Map<string, Map<string, number>>();
  for (const instrument of instruments)
    for (const item of instrument.items) {
      const answer = state.answers[answerKey(member, session, instrument.id, item.id)];
      if (answer === undefined) continue;
      const items = byInstrument.get(instrument.id) ?? new Map<string, number>();
      byInstrument.set(instrument.id, items.set(item.id, answer.value));
    }
  return byInstrument;
}

/** Whether a member gave any answer about a session, looked up item by item instead of through every answer stored. */
export function answeredAbout(
  ctx: CoreContext,
  group: Group,
  state: Readonly<GroupState>,
  member: Address,
  session: number,
): boolean {
  return answeredInstruments(ctx, group).some((instrument) =>
    instrument.items.some((item) => state.answers[answerKey(member, session, instrument.id, item.id)] !== undefined),
  );
}

/** The members who missed a session, and what says so. */
function missedBy(group: Group, state: Readonly<GroupState>, session: Session) {
  return group.members.flatMap((member) => {
    const attendance = memberAttendance(group, state, session, member);
    return attendance.status === "missed" ? [[member, attendance.source] as const] : [];
  });
}

function checkinRecipients(state: Readonly<GroupState>, session: number): Address[] {
  return Object.values(state.prompts)
    .filter((prompt) => prompt.kind === "checkin" && prompt.session === session)
    .map((prompt) => prompt.recipient);
}

/** A session's figures from its stored answers at `now`, before any privacy floor (see `countsInSession` for who counts). */
export function computeSessionFigures(
  ctx: CoreContext,
  group: Group,
  state: Readonly<GroupState>,
  closing: ClosingSession,
  now: Date,
): SessionFigures {
  const { session, windowCloses } = closing;
  const [gcq, pulse] = [climateInstrument(ctx), pulseInstrument(ctx)];
  const instruments = answeredInstruments(ctx, group);
  const answers = new Map(
    group.members.map((member) => [member, answersOf(state, instruments, member, session.number)]),
  );
  const answered = (member: Address) => (answers.get(member)?.size ?? 0) > 0;
  const counts = countsInSession({ group, state, session, closes: windowCloses, now, answered });
  const formOf = (member: Address) => answers.get(member)?.get(gcq.id) ?? new Map<string, number>();
  const scored = new Map<Address, FormScore>(group.members.map((member) => [member, scoreForm(gcq, formOf(member))]));
  const counted = group.members.filter(counts);
  const valid = counted.filter((member) => scored.get(member)?.valid === true);
  const subscales = gcq.subscales.map((subscale) => {
    const values = valid.flatMap((member) => {
      const value = scored.get(member)?.subscales[subscale.id];
      return value === null || value === undefined ? [] : [value];
    });
    return [subscale.id, statistic(values)] as const;
  });
  const items = gcq.items.map(
    (item) => [item.id, statistic(valid.flatMap((member) => formOf(member).get(item.id) ?? []))] as const,
  );
  const pulses = counted.flatMap((member) => [...(answers.get(member)?.get(pulse.id)?.values() ?? [])]);
  const recipients = checkinRecipients(state, session.number);
  const rsvps = group.members.map((member) => state.rsvps[rsvpKey(member, session.number)]?.response);
  const scores = group.members.flatMap((member) => {
    const score = scored.get(member);
    return score?.valid ? [[member, score.subscales] as const] : [];
  });
  return {
    basis: figuresBasis(ctx, group, state, closing),
    invited: recipients.filter(counts).length,
    respondents: counted.filter(answered).length,
    forms: valid.length,
    subscales: Object.fromEntries(subscales),
    pulse: statistic(pulses),
    items: Object.fromEntries(items),
    rsvp: { yes: rsvps.filter((r) => r === "yes").length, no: rsvps.filter((r) => r === "no").length },
    membersAt: membersAtSession(group, state, session).length,
    answered: group.members.filter(answered),
    sent: group.members.filter((member) => recipients.includes(member)),
    missed: Object.fromEntries(missedBy(group, state, session)),
    scores: Object.fromEntries(scores),
  };
}

/** A closed session's figures: the stored ones while their basis holds, else computed from its answers. */
export function closedSessionFigures(
  ctx: CoreContext,
  group: Group,
  state: Readonly<GroupState>,
  closing: ClosingSession,
): SessionFigures {
  const stored = state.sessionFigures[String(closing.session.number)];
  if (stored && stored.basis === figuresBasis(ctx, group, state, closing)) return stored;
  return computeSessionFigures(ctx, group, state, closing, closing.windowCloses);
}

/** The figures of every closed session among `climates`, by session number. */
export function figuresOfClosed(
  ctx: CoreContext,
  group: Group,
  state: Readonly<GroupState>,
  climates: readonly (ClosingSession & { readonly collecting: boolean })[],
): Map<number, SessionFigures> {
  return new Map(
    climates
      .filter((climate) => !climate.collecting)
      .map((climate) => [climate.session.number, closedSessionFigures(ctx, group, state, climate)]),
  );
}
