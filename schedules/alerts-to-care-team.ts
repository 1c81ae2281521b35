import { groupAlerts, alertDeliveries } from "../src/core/alerts/index.js";
import { alertMessage } from "../src/views/leads/alert-message.js";
import { alertUnavailableMessage } from "../src/views/leads/alert-unavailable-message.js";
import { climateInstrument } from "../src/core/context.js";
import type { Schedule } from "../src/core/schedule.js";

/** Group-level alerts (never member-level ones) to the group's care team channel. */
export const alertsToCareTeam: Schedule = {
  kind: "team-alert",
  due(ctx, group, state, from, to) {
    return alertDeliveries({
      ctx,
      group,
      state,
      from,
      to,
      kind: "team-alert",
      recipientsOf: (alert) => (alert.level === "group" ? [group.careTeamChannel] : []),
    });
  },
  render(ctx, group, state, delivery, now) {
    const alert = groupAlerts(ctx, group, state, now).find((a) => a.id === delivery.alert && a.level === "group");
    if (!alert) return { message: alertUnavailableMessage(group) };
    return {
      message: alertMessage(alert, group, climateInstrument(ctx), { stillOpen: delivery.session !== alert.session }),
    };
  },
};
