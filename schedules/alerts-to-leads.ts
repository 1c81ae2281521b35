import { groupAlerts, alertDeliveries } from "../src/core/alerts/index.js";
import { alertMessage } from "../src/views/leads/alert-message.js";
import { alertUnavailableMessage } from "../src/views/leads/alert-unavailable-message.js";
import { climateInstrument } from "../src/core/context.js";
import type { Schedule } from "../src/core/schedule.js";

/** Every alert, group- or member-level, to each of the group's leads: when raised, and again after each session it still holds until someone acts. */
export const alertsToLeads: Schedule = {
  kind: "alert",
  due(ctx, group, state, from, to) {
    return alertDeliveries({ ctx, group, state, from, to, kind: "alert", recipientsOf: () => group.leads });
  },
  render(ctx, group, state, delivery, now) {
    const alert = groupAlerts(ctx, group, state, now).find((a) => a.id === delivery.alert);
    if (!alert) return { message: alertUnavailableMessage(group) };
    return {
      message: alertMessage(alert, group, climateInstrument(ctx), { stillOpen: delivery.session !== alert.session }),
    };
  },
};
