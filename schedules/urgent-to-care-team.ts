import { escalationDeliveries, groupAlerts } from "../src/core/alerts/index.js";
import type { Schedule } from "../src/core/schedule.js";
import { alertUnavailableMessage } from "../src/views/leads/alert-unavailable-message.js";
import { escalationForCareTeam } from "../src/views/leads/escalation-message.js";

/** An urgent alert still not acknowledged after the clinician on call was told, to the care team channel, without the member. */
export const urgentToCareTeam: Schedule = {
  kind: "team-escalation",
  audit: "alert-escalated",
  due(ctx, group, state, _from, to) {
    return escalationDeliveries(ctx, group, state, to, "care-team");
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
