import { groupAlerts } from "../src/core/alerts/index.js";
import { groupClimate } from "../src/core/climate/index.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { addHours, isWithin } from "../src/kernel/time.js";
import { answerWindowCloses, listSessions } from "../src/core/groups/index.js";
import { digestMessage } from "../src/views/care-team/digest-message.js";

const graceHours = 48;

/** The care team's digest, posted to its channel once a session's answer window has closed: climate, trends and the group-level alerts still open. */
export const careTeamDigest: Schedule = {
  kind: "digest",
  due(ctx, group, _state, from, to) {
    const windowHours = ctx.organisation.timing.answerWindowHours;
    return listSessions(group, to)
      .filter((session) => !session.cancelled)
      .flatMap((session) => {
        const dueAt = answerWindowCloses(group, session, windowHours);
        if (!isWithin(dueAt, from, to)) return [];
        return [
          makeDelivery({
            kind: "digest",
            group,
            session: session.number,
            recipient: group.careTeamChannel,
            dueAt,
            expiresAt: addHours(dueAt, graceHours),
          }),
        ];
      });
  },
  async render(ctx, group, state, delivery, now) {
    const all = groupClimate(ctx, group, state, now);
    const climates = all.filter((c) => c.session.number <= delivery.session);
    const alerts = groupAlerts(ctx, group, state, now, all);
    // The care team's channel: group-level alerts only, never one about a member.
    const message = await digestMessage({
      ctx,
      group,
      session: delivery.session,
      climates,
      alerts,
      audience: "care-team",
    });
    return { message };
  },
};
