import { DateTime } from "luxon";
import type { Address } from "../../kernel/address.js";
import { addMinutes } from "../../kernel/time.js";
import type { CoreContext } from "../context.js";
import type { Group, SafetySettings } from "../setup/index.js";
import { makeDelivery } from "../schedule.js";
import type { Delivery, GroupState } from "../state.js";
import type { Alert } from "./alert.js";
import { groupAlerts } from "./group-alerts.js";

/** Who an escalation step goes to: the clinician on call (with the alert), or the care team channel (without the member). */
export type EscalationRung = "on-call" | "care-team";

/** One step of an urgent alert's escalation: the alert, its rung and number, and the window it is worth sending in. */
export interface EscalationStep {
  readonly alert: Alert;
  readonly rung: EscalationRung;
  readonly step: number;
  readonly at: Date;
  readonly until: Date;
}

/** Whether an alert needs a person at once: a risk in free text or a distress answer. */
export function isUrgent(alert: Pick<Alert, "kind">): boolean {
  return alert.kind === "risk-text" || alert.kind === "distress";
}

const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** Whether an instant falls within the organisation's working hours in the group's time zone (always, when none are set). */
export function withinWorkingHours(safety: SafetySettings, group: Group, at: Date): boolean {
  const hours = safety.workingHours;
  if (!hours) return true;
  const local = DateTime.fromJSDate(at, { zone: group.timezone });
  const day = weekdays[local.weekday - 1];
  const time = local.toFormat("HH:mm");
  return day !== undefined && hours.days.includes(day) && time >= hours.from && time < hours.to;
}

/**
 * The escalation step of each open urgent alert that nobody has acknowledged, live at `now`: the clinician on
 * call after `acknowledgeWithinMinutes` (at once outside working hours), the care team channel one interval
 * later, both repeated every interval until someone acknowledges. With nobody on call, the care team is first.
 */
export function escalationSteps(
  ctx: CoreContext,
  group: Group,
  state: Readonly<GroupState>,
  now: Date,
): EscalationStep[] {
  const { safety } = ctx.organisation;
  const interval = safety.acknowledgeWithinMinutes;
  return groupAlerts(ctx, group, state, now)
    .filter((alert) => isUrgent(alert) && alert.status === "new")
    .flatMap((alert) => {
      const onCallFirst = withinWorkingHours(safety, group, alert.raisedAt) ? interval : 0;
      const careTeamFirst = safety.onCall.length > 0 ? onCallFirst + interval : interval;
      const rungs: [EscalationRung, number][] = [["care-team", careTeamFirst]];
      if (safety.onCall.length > 0) rungs.push(["on-call", onCallFirst]);
      return rungs.flatMap(([rung, first]): EscalationStep[] => {
        const start = addMinutes(alert.raisedAt, first);
        if (now < start) return [];
        // Only the live step: an earlier one is no use once the next is due, so none pile up after downtime.
        const step = Math.floor((now.getTime() - start.getTime()) / (interval * 60_000)) + 1;
        const at = addMinutes(start, (step - 1) * interval);
        return [{ alert, rung, step, at, until: addMinutes(at, interval) }];
      });
    });
}

/** The addresses a rung reaches in a group. */
export function escalationRecipients(ctx: CoreContext, group: Group, rung: EscalationRung): readonly Address[] {
  return rung === "on-call" ? ctx.organisation.safety.onCall : [group.careTeamChannel];
}

/** The deliveries of one rung's live escalation steps in a group, each keyed by its alert and step so it goes once. */
export function escalationDeliveries(
  ctx: CoreContext,
  group: Group,
  state: Readonly<GroupState>,
  now: Date,
  rung: EscalationRung,
): Delivery[] {
  const kind = rung === "on-call" ? "escalation" : "team-escalation";
  return escalationSteps(ctx, group, state, now)
    .filter((step) => step.rung === rung)
    .flatMap(({ alert, step, at, until }) =>
      escalationRecipients(ctx, group, rung).map((recipient) => {
        const delivery = makeDelivery({ kind, group, session: alert.session, recipient, dueAt: at, expiresAt: until });
        return { ...delivery, key: `${delivery.key}:${alert.id}:${step}`, alert: alert.id };
      }),
    );
}
