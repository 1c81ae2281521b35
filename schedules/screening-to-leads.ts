import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { toAddress } from "../src/kernel/address.js";
import { addHours, isWithin } from "../src/kernel/time.js";
import { screeningForLeads } from "../src/views/leads/screening-message.js";

// A lead back from leave still hears whose answers need a conversation.
const graceHours = 14 * 24;

/** Flagged answers to the pre-group screening, to each of the group's leads privately, as soon as they are given. */
export const screeningToLeads: Schedule = {
  kind: "screening",
  due(_ctx, group, state, from, to) {
    return Object.entries(state.screening).flatMap(([member, screening]) => {
      const at = new Date(screening.at);
      if (!screening.flagged || !isWithin(at, from, to)) return [];
      return group.leads.map((lead) =>
        makeDelivery({
          kind: "screening",
          group,
          session: 1,
          recipient: lead,
          dueAt: at,
          expiresAt: addHours(at, graceHours),
          about: toAddress(member),
        }),
      );
    });
  },
  render(ctx, group, state, delivery) {
    const screening = delivery.about && state.screening[delivery.about];
    const instrument = screening ? ctx.instruments.get(screening.instrument) : undefined;
    if (!screening || !delivery.about || !instrument)
      throw new Error("screening answers missing from the group's state");
    return { message: screeningForLeads({ group, member: delivery.about, screening, instrument }) };
  },
};
