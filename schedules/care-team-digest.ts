import { groupAlerts } from "../src/core/alerts/index.js";
import { groupClimate } from "../src/core/climate/index.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import type { GroupState } from "../src/core/state.js";
import { unreachableCodes } from "../src/kernel/errors.js";
import { addHours, isWithin } from "../src/kernel/time.js";
import { answerWindowCloses, listSessions } from "../src/core/groups/index.js";
import { digestMessage } from "../src/views/care-team/digest-message.js";

const graceHours = 48;

// Since the previous digest went out (or ever, before the first): deliveries that failed or whose outcome stayed
// unknown, except to people Cohesion cannot reach, whom the leads are told about on their own.
function undeliveredSinceLastDigest(state: Readonly<GroupState>, session: number): number {
  const entries = Object.values(state.outbox);
  const since = entries
    .filter((e) => e.delivery.kind === "digest" && e.delivery.session < session && e.status === "sent")
    .reduce((latest, e) => (e.updatedAt > latest ? e.updatedAt : latest), "");
  const unreachable: readonly (string | undefined)[] = unreachableCodes;
  return entries.filter((e) => e.status === "failed" && e.updatedAt > since && !unreachable.includes(e.error)).length;
}

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
      undelivered: undeliveredSinceLastDigest(state, delivery.session),
    });
    return { message };
  },
};
