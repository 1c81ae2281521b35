import { escalationSteps, groupAlerts } from "../src/core/alerts/index.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { alertUnavailableMessage } from "../src/views/leads/alert-unavailable-message.js";
import { escalationForCareTeam } from "../src/views/leads/escalation-message.js";

/** An urgent alert still not acknowledged after the clinician on call was told, to the care team channel, without the member. */
export const urgentToCareTeam: Schedule = {
  kind: "team-escalation",
  audit: "alert-escalated",
  due(ctx, group, state, _from, to) {
    return escalationSteps(ctx, group, state, to)
      .filter((step) => step.rung === "care-team")
      .map(({ alert, step, at, until }) => {
        const delivery = makeDelivery({
          kind: "team-escalation",
          group,
          session: alert.session,
          recipient: group.careTeamChannel,
          dueAt: at,
          expiresAt: until,
        });
        return { ...delivery, key: `${delivery.key}:${alert.id}:${step}`, alert: alert.id };
      });
  },
  render(ctx, group, state, delivery, now) {
    const alert = groupAlerts(ctx, group, state, now).find((a) => a.id === delivery.alert);
    return {
      message: alert
        ? escalationForCareTeam(alert, group, ctx.organisation.safety.onCall)
        : alertUnavailableMessage(group),
    };
  },
};
