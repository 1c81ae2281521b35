import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { addHours, isWithin } from "../src/kernel/time.js";
import { memberMessageForLeads, memberMessageUnavailable } from "../src/views/leads/member-message.js";

// A lead back from leave still gets what members wrote while they were away.
const graceHours = 14 * 24;

/** What a member wrote to Cohesion, to each of their group's leads privately, as soon as it arrives. */
export const memberMessagesToLeads: Schedule = {
  kind: "member-message",
  due(_ctx, group, state, from, to) {
    return Object.entries(state.messages).flatMap(([id, message]) => {
      const at = new Date(message.at);
      if (!isWithin(at, from, to)) return [];
      return group.leads.map((lead) => {
        const delivery = makeDelivery({
          kind: "member-message",
          group,
          session: message.session,
          recipient: lead,
          dueAt: at,
          expiresAt: addHours(at, graceHours),
        });
        return { ...delivery, key: `${delivery.key}:${id}`, message: id };
      });
    });
  },
  render(_ctx, group, state, delivery) {
    const message = delivery.message === undefined ? undefined : state.messages[delivery.message];
    return { message: message ? memberMessageForLeads(group, message) : memberMessageUnavailable(group) };
  },
};
