import { createHash } from "node:crypto";
import {
  figuresBasis,
  figuresOfClosed,
  groupClimate,
  nextWindowClose,
  type ClosingSession,
  type SessionClimate,
  type SessionFindings,
} from "../climate/index.js";
import { climateInstrument, type CoreContext } from "../context.js";
import { answerWindowCloses, heldSessions } from "../groups/index.js";
import type { Group } from "../setup/index.js";
import type { GroupState } from "../state.js";
import type { Finding } from "./alert.js";
import { groupFindings } from "./group-rules.js";
import { flaggedItemSeries } from "./item-series.js";
import { memberFindings } from "./member-rules.js";
import { alertKinds, type AlertKind } from "./record.js";

/** A session the rules may have judged: closed once its answer window has. */
type JudgedSession = ClosingSession & { readonly collecting: boolean };

/** Every finding of the alert rules in the closed sessions of the published climate (`groupClimate`) of `state`, whatever members' statuses are now (see stillAnswerable). */
export function ruleFindings(
  ctx: CoreContext,
  group: Group,
  state: Readonly<GroupState>,
  all: readonly SessionClimate[],
): Finding[] {
  const gcq = climateInstrument(ctx);
  const { trend, alerts: settings } = ctx.organisation.analytics;
  const { minResponses } = ctx.organisation.privacy;
  const figures = figuresOfClosed(ctx, group, state, all);
  const items = flaggedItemSeries({ climates: all, figures, items: settings.flaggedItems, minResponses });
  return [
    ...groupFindings(group, gcq, all, trend, settings, items),
    ...memberFindings({ group, gcq, climates: all, figures, settings }),
  ];
}

// An organisation's settings and a group's configuration do not change while Cohesion runs: their part of the
// stamp is worked out once.
const rulesBases = new WeakMap<CoreContext, WeakMap<Group, string>>();

function rulesBasis(ctx: CoreContext, group: Group): string {
  const known = rulesBases.get(ctx)?.get(group);
  if (known) return known;
  const { analytics, privacy } = ctx.organisation;
  const basis = createHash("sha256")
    .update(JSON.stringify({ analytics, minResponses: privacy.minResponses, gcq: climateInstrument(ctx), group }))
    .digest("hex")
    .slice(0, 16);
  const byGroup = rulesBases.get(ctx) ?? new WeakMap<Group, string>();
  byGroup.set(group, basis);
  rulesBases.set(ctx, byGroup);
  return basis;
}

/** The stamp of a session's findings: the settings, and how many sessions up to it show figures kept after an erasure. */
function stampOf(rules: string, kept: number): string {
  return `v1:${rules}:${kept}`;
}

// Each closed session's stamp, in order, while every one has stored figures that hold. The stamp need not name the
// earlier sessions' figures: the climate area removes a session's findings and every later one's whenever it writes
// any of them again.
function stampsOf(ctx: CoreContext, group: Group, state: Readonly<GroupState>, sessions: readonly JudgedSession[]) {
  const rules = rulesBasis(ctx, group);
  const stamps = new Map<number, string>();
  let kept = 0;
  for (const closing of sessions) {
    if (closing.collecting) continue;
    const key = String(closing.session.number);
    if (state.sessionFigures[key]?.basis !== figuresBasis(ctx, group, state, closing)) return undefined;
    if (state.frozenClimate[key]) kept += 1;
    stamps.set(closing.session.number, stampOf(rules, kept));
  }
  return stamps;
}

type KeptFinding = SessionFindings["list"][number];

function isFinding(finding: KeptFinding): finding is KeptFinding & { readonly kind: AlertKind } {
  return (alertKinds as readonly string[]).includes(finding.kind);
}

/** The rule findings kept with the closed sessions' figures (as `ruleFindings` gives them), or undefined when any is missing or no longer holds. */
export function keptFindings(
  ctx: CoreContext,
  group: Group,
  state: Readonly<GroupState>,
  sessions: readonly JudgedSession[],
): Finding[] | undefined {
  const stamps = stampsOf(ctx, group, state, sessions);
  if (!stamps) return undefined;
  const found: Finding[] = [];
  for (const [number, stamp] of stamps) {
    const kept = state.sessionFigures[String(number)]?.findings;
    if (kept?.stamp !== stamp) return undefined;
    for (const finding of kept.list) {
      if (!isFinding(finding)) return undefined;
      found.push(finding);
    }
  }
  return found;
}

/** The held sessions of a group at `now`, with whether each is still collecting answers. */
function judgedSessions(ctx: CoreContext, group: Group, now: Date): JudgedSession[] {
  const windowHours = ctx.organisation.timing.answerWindowHours;
  return heldSessions(group, now).map((session) => {
    const windowCloses = answerWindowCloses(group, session, windowHours);
    return { session, windowCloses, collecting: now < windowCloses };
  });
}

// Stored states are replaced, never changed in place: one with nothing to store stays so until the next answer
// window closes, so the minute sweep asks again only then or after a write.
const settled = new WeakMap<Readonly<GroupState>, { readonly group: Group; readonly until: number }>();

/** Whether storeSessionFindings would store anything in a stored state: every closed session has figures that hold, and some lack findings that do. */
export function sessionFindingsDue(ctx: CoreContext, group: Group, state: Readonly<GroupState>, now: Date): boolean {
  const known = settled.get(state);
  if (known?.group === group && now.getTime() < known.until) return false;
  const sessions = judgedSessions(ctx, group, now);
  const due = stampsOf(ctx, group, state, sessions) !== undefined && !keptFindings(ctx, group, state, sessions);
  if (!due) settled.set(state, { group, until: nextWindowClose(ctx, group, now) });
  return due;
}

/** Stores, inside a store update after freezeSessionFigures, what the alert rules find in each closed session (nothing while one lacks figures that hold); returns how many sessions' findings it wrote. */
export function storeSessionFindings(ctx: CoreContext, group: Group, state: GroupState, now: Date): number {
  const all = groupClimate(ctx, group, state, now);
  const stamps = stampsOf(ctx, group, state, all);
  if (!stamps) return 0;
  const bySession = new Map<number, Finding[]>();
  for (const finding of ruleFindings(ctx, group, state, all)) {
    const list = bySession.get(finding.session);
    if (list) list.push(finding);
    else bySession.set(finding.session, [finding]);
  }
  let written = 0;
  for (const [number, stamp] of stamps) {
    const figures = state.sessionFigures[String(number)];
    const findings: SessionFindings = { stamp, list: bySession.get(number) ?? [] };
    if (!figures || JSON.stringify(figures.findings) === JSON.stringify(findings)) continue;
    figures.findings = findings;
    written += 1;
  }
  return written;
}
