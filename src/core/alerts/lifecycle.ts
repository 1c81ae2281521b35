import type { Address } from "../../kernel/address.js";
import { appendAudit, type AuditAction } from "../privacy/audit.js";
import { groupClimate } from "../climate/climate.js";
import { instrumentById, type CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import type { Group } from "../groups/group.js";
import type { Message } from "../../kernel/message.js";
import { groupTag, groupTagOf } from "../answers/prompt-id.js";
import { formatLocal } from "../groups/sessions.js";
import type { Alert } from "./alert.js";
import { groupAlerts } from "./group-alerts.js";
import type { AlertStatus } from "./record.js";
import { alertMessage } from "../../views/leads/alert-message.js";

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

/** Whether someone may act on an alert: the group's leads always; the care team (in its channel) only on group-level alerts. */
export function mayActOn(group: Group, alert: Pick<Alert, "level">, from: Address, channel: Address | undefined): boolean {
  if (group.leads.includes(from)) return true;
  const inCareTeam = from === group.careTeamChannel || channel === group.careTeamChannel;
  return alert.level === "group" && inCareTeam;
}

/**
 * Moves an alert on (acknowledged, discussed in group, resolved) for a lead or the care team, recording
 * who and when in the alert and in the audit log, in one store update. Steps only go forward; pressing
 * a button again changes nothing. Returns the alert as it now stands.
 */
export async function actOnAlert(ctx: CoreContext, from: Address, channel: Address | undefined, id: string, action: AlertAction): Promise<Message> {
  const group = groupOfAlert(ctx, id);
  const now = ctx.clock.now();
  const step = steps[action];
  return ctx.store.updateGroup(group.id, (state) => {
    const alert = groupAlerts(ctx, group, state, now, groupClimate(ctx, group, state, now)).find((a) => a.id === id);
    if (!alert) throw new UserError("prompt-unknown", notFound);
    if (!mayActOn(group, alert, from, channel))
      throw new UserError("not-allowed", "Alerts are for the group's leads (and, for the group as a whole, its care team), so I haven't changed anything.");
    const gcq = instrumentById(ctx, "gcq-s");
    if (ranks[alert.status] >= step.rank) {
      const last = alert.history.at(-1);
      const when = last ? `, ${formatLocal(new Date(last.at), group.timezone, "day-time")}` : "";
      return alertMessage(alert, group, gcq, { note: `This alert was already ${alert.status}${when}; nothing was changed.` });
    }
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
    return alertMessage({ ...alert, status: step.status, history: record.history }, group, gcq);
  });
}
