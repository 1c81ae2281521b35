import type { CoreContext } from "../context.js";
import { answerWindowCloses, heldSessions, listSessions } from "../groups/index.js";
import type { Group } from "../setup/index.js";
import type { GroupState } from "../state.js";
import { computeSessionFigures, figuresBasis, type ClosingSession } from "./session-figures.js";

/** The held sessions whose answer windows have closed by `now`. */
function closedSessions(ctx: CoreContext, group: Group, now: Date): ClosingSession[] {
  const windowHours = ctx.organisation.timing.answerWindowHours;
  return heldSessions(group, now)
    .map((session) => ({ session, windowCloses: answerWindowCloses(group, session, windowHours) }))
    .filter((closing) => closing.windowCloses <= now);
}

function lacksFigures(ctx: CoreContext, group: Group, state: Readonly<GroupState>, closing: ClosingSession) {
  const stored = state.sessionFigures[String(closing.session.number)];
  return stored?.basis !== figuresBasis(ctx, group, state, closing);
}

// Stored states are replaced, never changed in place: one whose closed sessions all have figures stays so until the
// next answer window closes, so the minute sweep asks again only then or after a write.
const settled = new WeakMap<Readonly<GroupState>, { readonly group: Group; readonly until: number }>();

/** The next instant after `now` at which one of the group's answer windows closes (ms; Infinity when none will). */
export function nextWindowClose(ctx: CoreContext, group: Group, now: Date): number {
  const windowHours = ctx.organisation.timing.answerWindowHours;
  const closes = listSessions(group, now)
    .filter((session) => !session.cancelled)
    .map((session) => answerWindowCloses(group, session, windowHours).getTime())
    .filter((close) => close > now.getTime());
  return Math.min(...closes, Number.POSITIVE_INFINITY);
}

/** Whether a closed session of the group has no stored figures, or figures that no longer hold, in a stored state. */
export function sessionFiguresDue(ctx: CoreContext, group: Group, state: Readonly<GroupState>, now: Date): boolean {
  const known = settled.get(state);
  if (known?.group === group && now.getTime() < known.until) return false;
  const due = closedSessions(ctx, group, now).some((closing) => lacksFigures(ctx, group, state, closing));
  if (!due) settled.set(state, { group, until: nextWindowClose(ctx, group, now) });
  return due;
}

/** Removes the rule findings kept for session `from` and every later one: they rest on figures about to change. */
export function dropFindingsFrom(state: GroupState, from: number): void {
  for (const [key, figures] of Object.entries(state.sessionFigures))
    if (Number(key) >= from && figures.findings !== undefined) delete figures.findings;
}

/**
 * Stores, inside a store update, the figures of every closed session that has none or none that still hold,
 * so that summaries, digests and alert rules read them instead of every answer; returns how many it stored.
 * Running it again changes nothing.
 */
export function freezeSessionFigures(ctx: CoreContext, group: Group, state: GroupState, now: Date): number {
  let stored = 0;
  for (const closing of closedSessions(ctx, group, now)) {
    if (!lacksFigures(ctx, group, state, closing)) continue;
    if (stored === 0) dropFindingsFrom(state, closing.session.number);
    state.sessionFigures[String(closing.session.number)] = computeSessionFigures(
      ctx,
      group,
      state,
      closing,
      closing.windowCloses,
    );
    stored += 1;
  }
  return stored;
}

/** After answers, RSVPs or prompts were erased (inside the same update): every closed session's figures again, from what is left; figures that come out the same are left untouched, with their findings while no earlier session's figures changed. */
export function refreezeSessionFigures(ctx: CoreContext, group: Group, state: GroupState, now: Date): void {
  for (const closing of closedSessions(ctx, group, now)) {
    const key = String(closing.session.number);
    const fresh = computeSessionFigures(ctx, group, state, closing, closing.windowCloses);
    const stored = state.sessionFigures[key];
    if (stored && JSON.stringify({ ...stored, findings: undefined }) === JSON.stringify(fresh)) continue;
    dropFindingsFrom(state, closing.session.number);
    state.sessionFigures[key] = fresh;
  }
}
