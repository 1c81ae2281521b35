import { sessionAttendance, type SessionAttendance } from "../attendance/index.js";
import { climateInstrument, type CoreContext } from "../context.js";
import type { Group } from "../setup/index.js";
import { answerWindowCloses, heldSessions, type Session } from "../groups/index.js";
import { mean } from "../answers/index.js";
import type { GroupState } from "../state.js";
import { closedSessionFigures, computeSessionFigures } from "./session-figures.js";
import type { Statistic } from "./session-figures-record.js";

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
  /** Set for figures kept as published before members' answers behind them were erased: the answers they needed (the care team's floor), whoever reads them. */
  readonly keptFrom?: number;
}

/** A statistic as published from `floor` answers: its mean and spread, or only how many answered below it. */
function aggregate(statistic: Statistic | undefined, floor: number): Aggregate {
  const respondents = statistic?.n ?? 0;
  if (statistic?.mean === null || statistic?.mean === undefined || respondents < floor)
    return { shown: false, respondents };
  return { shown: true, mean: statistic.mean, sd: statistic.sd, respondents };
}

/** The climate of every held session of a group, in order, suppressing aggregates below the privacy floor; only members who count for a session (see countsInSession) are in it. Closed sessions come from their stored figures (see freezeSessionFigures) while those hold. */
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
  const { minResponses } = figures;
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
        keptFrom: ctx.organisation.privacy.minResponses,
      };
    }
    const closing = { session, windowCloses };
    const counted = collecting
      ? computeSessionFigures(ctx, group, state, closing, now)
      : closedSessionFigures(ctx, group, state, closing);
    const floor = collecting && !figures.provisional ? Number.POSITIVE_INFINITY : minResponses;
    const { invited, respondents, rsvp } = counted;
    return {
      session,
      collecting,
      windowCloses,
      invited,
      respondents,
      responseRate: invited === 0 ? null : Math.min(1, respondents / invited),
      forms: counted.forms,
      subscales: new Map(gcq.subscales.map((s) => [s.id, aggregate(counted.subscales[s.id], floor)] as const)),
      pulse: aggregate(counted.pulse, floor),
      rsvp,
      attendance: sessionAttendance(group, state, session, rsvp.yes, counted.membersAt),
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
