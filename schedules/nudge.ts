import { nudgeMessage } from "../src/views/member/nudge-message.js";
import { hasDeclinedCheckins, isPaused, sessionByNumber, statusOf } from "../src/core/groups/index.js";
import { memberAttendance } from "../src/core/attendance/index.js";
import { hasAnswered, promptIdFor } from "../src/core/answers/index.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { addHours, isWithin } from "../src/kernel/time.js";

/**
 * One gentle nudge, a day after the check-in, to members who have not answered, are not paused or
 * otherwise stopped, have not said `no check-ins` since, and are not known to have missed the session (a
 * "We missed you" asks nothing, so is never chased).
 */
export const nudge: Schedule = {
  kind: "nudge",
  due(ctx, group, state, from, to) {
    const after = ctx.organisation.timing.nudgeHoursAfter;
    return Object.values(state.outbox)
      .filter((entry) => entry.delivery.kind === "checkin" && entry.status === "sent")
      .filter(({ delivery: checkin }) => state.prompts[promptIdFor(group.id, checkin.key)] !== undefined)
      .filter(
        ({ delivery: { recipient } }) =>
          group.members.includes(recipient) &&
          !isPaused(state, recipient) &&
          !hasDeclinedCheckins(state, recipient) &&
          statusOf(state, recipient) === "active",
      )
      .filter(({ delivery: checkin }) => !hasAnswered(state, checkin.recipient, checkin.session))
      .filter(({ delivery: checkin }) => {
        const session = sessionByNumber(group, checkin.session);
        return !session || memberAttendance(group, state, session, checkin.recipient).status !== "missed";
      })
      .flatMap(({ delivery: checkin, updatedAt: sentAt }) => {
        // Timed from when the check-in actually went out, so a late check-in is not chased a minute later.
        const dueAt = addHours(new Date(Math.max(Date.parse(checkin.dueAt), Date.parse(sentAt))), after);
        if (!isWithin(dueAt, from, to)) return [];
        return [
          makeDelivery({
            kind: "nudge",
            group,
            session: checkin.session,
            recipient: checkin.recipient,
            dueAt,
            expiresAt: new Date(checkin.expiresAt),
          }),
        ];
      });
  },
  wanted(state, delivery) {
    return !hasDeclinedCheckins(state, delivery.recipient);
  },
  render(ctx, group, state, delivery) {
    const checkinKey = delivery.key.replace(/^nudge:/, "checkin:");
    const session = sessionByNumber(group, delivery.session);
    const askAttendance = session
      ? memberAttendance(group, state, session, delivery.recipient).source === "rsvp"
      : false;
    return {
      message: nudgeMessage(ctx, { group, session, promptId: promptIdFor(group.id, checkinKey), askAttendance }),
    };
  },
};
