import { escalationDeliveries, groupAlerts } from "../src/core/alerts/index.js";
import { climateInstrument } from "../src/core/context.js";
import type { Schedule } from "../src/core/schedule.js";
import { alertUnavailableMessage } from "../src/views/leads/alert-unavailable-message.js";
import { escalationForOnCall } from "../src/views/leads/escalation-message.js";

/** An urgent alert nobody has acknowledged in time, to the clinician on call, repeated until someone does. */
export const urgentToOnCall: Schedule = {
  kind: "escalation",
  audit: "alert-escalated",
  due(ctx, group, state, _from, to) {
    return escalationDeliveries(ctx, group, state, to, "on-call");
  },
  render(ctx, group, state, delivery, now) {
    const alert = groupAlerts(ctx, group, state, now).find((a) => a.id === delivery.alert);
    return {
      message: alert ? escalationForOnCall(alert, group, climateInstrument(ctx)) : alertUnavailableMessage(group),
    };
  },
};
