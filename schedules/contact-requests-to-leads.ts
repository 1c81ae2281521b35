import { contactRequestKey } from "../src/core/alerts/index.js";
import { programOf } from "../src/core/context.js";
import { sessionByNumber } from "../src/core/groups/index.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { sessionContent } from "../src/core/setup/index.js";
import { addHours, isWithin } from "../src/kernel/time.js";
import { contactRequestForLeads } from "../src/views/leads/contact-request-message.js";

// A lead back from leave still hears who asked for them while they were away.
const graceHours = 14 * 24;

/** A member's request for a lead to get in touch, to each of the group's leads privately, as soon as it is made. */
export const contactRequestsToLeads: Schedule = {
  kind: "contact-request",
  due(_ctx, group, state, from, to) {
    return Object.values(state.contactRequests).flatMap((request) => {
      const at = new Date(request.at);
      if (!isWithin(at, from, to)) return [];
      return group.leads.map((lead) =>
        makeDelivery({
          kind: "contact-request",
          group,
          session: request.session,
          recipient: lead,
          dueAt: at,
          expiresAt: addHours(at, graceHours),
          about: request.member,
        }),
      );
    });
  },
  render(ctx, group, state, delivery) {
    const request = delivery.about && state.contactRequests[contactRequestKey(delivery.about, delivery.session)];
    if (!request) throw new Error("contact request missing from the group's state");
    return {
      message: contactRequestForLeads({
        group,
        request,
        startsAt: sessionByNumber(group, request.session)?.startsAt,
        topic: sessionContent(programOf(ctx, group), request.session)?.topic,
      }),
    };
  },
};
