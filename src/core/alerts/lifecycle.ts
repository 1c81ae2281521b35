import type { Address } from "../../kernel/address.js";
import { appendAudit, type AuditAction } from "../privacy/index.js";
import { groupClimate } from "../climate/index.js";
import type { CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import type { Group } from "../setup/index.js";
import { groupTag, groupTagOf } from "../answers/index.js";
import type { Alert } from "./alert.js";
import { isUrgent } from "./escalation.js";
import { groupAlerts } from "./group-alerts.js";
import type { AlertStatus } from "./record.js";

/** An alert after someone acted on it; `unchanged` when it was already at or past that step. */
export interface AlertActed {
  readonly alert: Alert;
  readonly group: Group;
  readonly unchanged: boolean;
}

/** The button actions that move an alert along its life. */
export type AlertAction = "alert-acknowledge" | "alert-discussed" | "alert-resolve";

const steps: Record<AlertAction, { status: AlertStatus; audit: AuditAction; rank: number }> = {
  "alert-acknowledge": { status: "acknowledged", audit: "alert-acknowledged", rank: 1 },
  "alert-discussed": { status: "discussed", audit: "alert-discussed", rank: 2 },
  "alert-resolve": { status: "resolved", audit: "alert-resolved", rank: 3 },
};

const ranks: Record<AlertStatus, number> = { new: 0, acknowledged: 1, discussed: 2, resolved: 3 };

const notFound = "Sorry, I can't find that alert any more, so nothing was changed.";

function groupOfAlert(ctx: CoreContext, id: string): Group {
  const group = ctx.groups.find((g) => groupTag(g.id) === groupTagOf(id));
  if (!group) throw new UserError("prompt-unknown", notFound);
  return group;
}

/**
 * Whether someone may act on an alert: the group's leads always; the clinician on call on urgent alerts (they
 * are sent them when the leads have not acknowledged); the care team (in its channel) only on group-level alerts.
 */
export function mayActOn(
  ctx: CoreContext,
  group: Group,
  alert: Pick<Alert, "level" | "kind">,
  who: { readonly from: Address; readonly channel: Address | undefined },
): boolean {
  const { from, channel } = who;
  if (group.leads.includes(from)) return true;
  if (isUrgent(alert) && ctx.organisation.safety.onCall.includes(from)) return true;
  const inCareTeam = from === group.careTeamChannel || channel === group.careTeamChannel;
  return alert.level === "group" && inCareTeam;
}

/**
 * Moves an alert on (acknowledged, discussed in group, resolved) for a lead or the care team, recording
 * who and when in the alert and in the audit log, in one store update. Steps only go forward; pressing
 * a button again changes nothing. Returns the alert as it now stands.
 */
export async function actOnAlert(
  ctx: CoreContext,
  from: Address,
  channel: Address | undefined,
  id: string,
  action: AlertAction,
): Promise<AlertActed> {
  const group = groupOfAlert(ctx, id);
  const now = ctx.clock.now();
  const step = steps[action];
  return ctx.store.updateGroup(group.id, (state) => {
    const alert = groupAlerts(ctx, group, state, now, groupClimate(ctx, group, state, now)).find((a) => a.id === id);
    if (!alert) throw new UserError("prompt-unknown", notFound);
    if (!mayActOn(ctx, group, alert, { from, channel }))
      throw new UserError(
        "not-allowed",
        "Alerts are for the group's leads (and, for the group as a whole, its care team), so I haven't changed anything.",
      );
    if (ranks[alert.status] >= step.rank) return { alert, group, unchanged: true };
    const record = (state.alerts[id] ??= {
      kind: alert.kind,
      session: alert.session,
      raisedAt: alert.raisedAt.toISOString(),
      ...(alert.member ? { member: alert.member } : {}),
      ...(alert.subscale ? { subscale: alert.subscale } : {}),
      history: [],
    });
    record.history.push({ status: step.status, by: from, at: now.toISOString() });
    appendAudit(state, from, step.audit, now, id);
    return { alert: { ...alert, status: step.status, history: record.history }, group, unchanged: false };
  });
}
