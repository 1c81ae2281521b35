import { groupAlerts } from "../src/core/alerts/index.js";
import { groupClimate } from "../src/core/climate/index.js";
import { climateChartImage, withImage } from "../src/views/charts/climate-chart-image.js";
import { climateInstrument, programOf } from "../src/core/context.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { addHours, isWithin } from "../src/kernel/time.js";
import { answerWindowCloses, listSessions } from "../src/core/groups/index.js";
import { summaryMessage } from "../src/views/leads/summary-message.js";

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
    const heading = `Digest after session ${delivery.session}`;
    // The care team's channel: group-level alerts only, never one about a member.
    const analytics = {
      trend: ctx.organisation.analytics.trend,
      alerts: groupAlerts(ctx, group, state, now, all),
      audience: "care-team",
    } as const;
    const message = summaryMessage({
      group,
      program: programOf(ctx, group),
      gcq: climateInstrument(ctx),
      climates,
      minResponses: ctx.organisation.privacy.minResponses,
      heading,
      analytics,
    });
    return { message: withImage(message, await climateChartImage(ctx, group, climates)) };
  },
};
