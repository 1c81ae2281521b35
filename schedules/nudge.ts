import { nudgeMessage } from "../src/views/member/nudge-message.js";
import { hasDeclinedCheckins, isPaused, sessionByNumber, statusOf } from "../src/core/groups/index.js";
import { memberAttendance } from "../src/core/attendance/index.js";
import { checkinsSentWithin, promptIdFor } from "../src/core/answers/index.js";
import { answeredAbout } from "../src/core/climate/index.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { addHours } from "../src/kernel/time.js";

/**
 * One gentle nudge, a day after the check-in, to members who have not answered, are not paused or
 * otherwise stopped, have not said `no check-ins` since, and are not known to have missed the session (a
 * "We missed you" asks nothing, so is never chased).
 */
export const nudge: Schedule = {
  kind: "nudge",
  due(ctx, group, state, from, to) {
    const after = ctx.organisation.timing.nudgeHoursAfter;
    // Timed from when the check-in actually went out, so a late check-in is not chased a minute later; only the
    // check-ins whose nudge falls in the window are looked at, not the outbox's whole history.
    return checkinsSentWithin(state, addHours(from, -after), addHours(to, -after))
      .filter(({ checkin }) => state.prompts[promptIdFor(group.id, checkin.key)] !== undefined)
      .filter(
        ({ checkin: { recipient } }) =>
          group.members.includes(recipient) &&
          !isPaused(state, recipient) &&
          !hasDeclinedCheckins(state, recipient) &&
          statusOf(state, recipient) === "active",
      )
      .filter(({ checkin }) => !answeredAbout(ctx, group, state, checkin.recipient, checkin.session))
      .filter(({ checkin }) => {
        const session = sessionByNumber(group, checkin.session);
        return !session || memberAttendance(group, state, session, checkin.recipient).status !== "missed";
      })
      .map(({ checkin, sentAt }) =>
        makeDelivery({
          kind: "nudge",
          group,
          session: checkin.session,
          recipient: checkin.recipient,
          dueAt: addHours(new Date(sentAt), after),
          expiresAt: new Date(checkin.expiresAt),
        }),
      );
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
