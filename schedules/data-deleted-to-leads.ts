import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { addHours, isWithin } from "../src/kernel/time.js";
import { dataDeletedForLeads } from "../src/views/leads/data-deleted-message.js";

// A lead back from leave still hears of it.
const graceHours = 14 * 24;

/** A member deleted their own answers and messages: each of their group's leads is told, privately, as soon as it is done. */
export const dataDeletedToLeads: Schedule = {
  kind: "data-deleted",
  due(_ctx, group, state, from, to) {
    return Object.entries(state.ownDataDeletions).flatMap(([id, deletion]) => {
      const at = new Date(deletion.at);
      if (!isWithin(at, from, to)) return [];
      return group.leads.map((lead) => {
        const delivery = makeDelivery({
          kind: "data-deleted",
          group,
          session: deletion.session,
          recipient: lead,
          dueAt: at,
          expiresAt: addHours(at, graceHours),
        });
        return { ...delivery, key: `${delivery.key}:${id}`, message: id };
      });
    });
  },
  render(_ctx, group, state, delivery) {
    const deletion = delivery.message === undefined ? undefined : state.ownDataDeletions[delivery.message];
    return { message: dataDeletedForLeads(group, deletion?.member) };
  },
};
