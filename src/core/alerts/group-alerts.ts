import { groupClimate, type SessionClimate } from "../climate/index.js";
import type { CoreContext } from "../context.js";
import type { Group } from "../setup/index.js";
import { listSessions } from "../groups/index.js";
import type { GroupState } from "../state.js";
import type { Alert, Evidence } from "./alert.js";
import { alertsFromFindings, immediateAlerts } from "./episodes.js";
import { stillAnswerable } from "./member-rules.js";
import type { AlertRecord } from "./record.js";
import { keptFindings, ruleFindings } from "./session-findings.js";

const oneDistressAnswer = {
  basis: "One answer, at the distress threshold your organisation set.",
  sureness: "One answer cannot say how they are: please check in with them. They were shown where to get help now.",
};

function describeImmediate(ctx: CoreContext, record: AlertRecord): Evidence {
  if (record.kind === "risk-text")
    return {
      what: "They sent Cohesion a message with words that can suggest risk.",
      basis: "One message. Cohesion only matches words; it cannot tell what they meant.",
      sureness: "Not known: a person needs to look, today. They were shown where to get help now.",
    };
  if (record.value === undefined)
    return {
      what: `In session ${record.session} one of their answers was at the distress threshold; the answer has since been erased at the member's or a lead's request.`,
      ...oneDistressAnswer,
    };
  const instrument = [...ctx.instruments.values()].find((i) => i.items.some((item) => item.id === record.item));
  const item = instrument?.items.find((i) => i.id === record.item);
  const label = instrument ? instrument.scale.labels[record.value - instrument.scale.min] : undefined;
  return {
    what: `In session ${record.session} they answered ${label ? `"${label}" (${record.value})` : String(record.value)} to "${item?.text ?? record.item}".`,
    ...oneDistressAnswer,
  };
}

interface Remembered {
  readonly group: Group;
  readonly from: number;
  readonly until: number;
  readonly alerts: Alert[];
}

// Stored states are replaced, never changed in place, so the same state object means the same answers:
// every schedule's sweep can share one computation until a session starts or an answer window closes.
const remembered = new WeakMap<Readonly<GroupState>, Remembered[]>();

/** The next instant after `now` at which the alerts could change without the state changing: a session start or a window closing. */
function nextChange(group: Group, climates: readonly SessionClimate[], now: Date): number {
  const closes = climates.map((c) => c.windowCloses.getTime()).filter((t) => t > now.getTime());
  const starts = listSessions(group, now)
    .map((s) => s.startsAt.getTime())
    .filter((t) => t > now.getTime());
  return Math.min(...closes, ...starts, Number.POSITIVE_INFINITY);
}

/**
 * Every alert of a group at `now`, found in its published sessions or raised at once, oldest first.
 * Pass `climates` when they are at hand, and always for a state about to be changed: only a stored
 * (unchanging) state may be remembered.
 */
export function groupAlerts(
  ctx: CoreContext,
  group: Group,
  state: Readonly<GroupState>,
  now: Date,
  climates?: readonly SessionClimate[],
): Alert[] {
  if (climates !== undefined) return computeAlerts(ctx, group, state, climates);
  const cached = remembered
    .get(state)
    ?.find((r) => r.group === group && r.from <= now.getTime() && now.getTime() < r.until);
  if (cached) return cached.alerts;
  const all = groupClimate(ctx, group, state, now);
  const alerts = computeAlerts(ctx, group, state, all);
  remembered.set(state, [
    ...(remembered.get(state) ?? []).slice(-3),
    { group, from: now.getTime(), until: nextChange(group, all, now), alerts },
  ]);
  return alerts;
}

function computeAlerts(
  ctx: CoreContext,
  group: Group,
  state: Readonly<GroupState>,
  all: readonly SessionClimate[],
): Alert[] {
  const found = keptFindings(ctx, group, state, all) ?? ruleFindings(ctx, group, state, all);
  const findings = found.filter(stillAnswerable(state));
  const closesAt = new Map(all.filter((c) => !c.collecting).map((c) => [c.session.number, c.windowCloses]));
  return [
    ...alertsFromFindings(group.id, findings, closesAt, state.alerts),
    ...immediateAlerts(group.id, state.alerts, (record) => describeImmediate(ctx, record)),
  ].sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime() || a.id.localeCompare(b.id));
}

/** Alerts nobody has resolved yet. */
export function openAlerts(alerts: readonly Alert[]): Alert[] {
  return alerts.filter((alert) => alert.status !== "resolved");
}
