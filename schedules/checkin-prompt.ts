import { checkinMessage } from "../src/views/member/checkin-message.js";
import { missedYouMessage } from "../src/views/member/missed-you-message.js";
import { programOf } from "../src/core/context.js";
import {
  activeMembers,
  answerWindowCloses,
  hasDeclinedCheckins,
  listSessions,
  sessionByNumber,
  statusAt,
} from "../src/core/groups/index.js";
import { sessionContent } from "../src/core/setup/index.js";
import { memberAttendance } from "../src/core/attendance/index.js";
import { promptIdFor } from "../src/core/answers/index.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { addHours, isWithin } from "../src/kernel/time.js";

/**
 * After each session, to every member who was active at it: the check-in, or, for a member who said
 * they couldn't come or was recorded absent, a short "We missed you today" with no questions. Which
 * one is decided when it is sent, from what is known about their attendance then. Nothing goes to a member who
 * said `no check-ins`, not even one already due or being retried.
 */
export const checkinPrompt: Schedule = {
  kind: "checkin",
  due(ctx, group, state, from, to) {
    const { checkinMinutesAfter, answerWindowHours } = ctx.organisation.timing;
    return listSessions(group, to)
      .filter((session) => !session.cancelled)
      .flatMap((session) => {
        const dueAt = addHours(session.endsAt, checkinMinutesAfter / 60);
        if (!isWithin(dueAt, from, to)) return [];
        const closes = answerWindowCloses(group, session, answerWindowHours);
        return (
          activeMembers(group, state)
            // Someone who joined after the session began was not there to be asked about it.
            .filter((member) => new Date(state.joined[member] ?? 0) <= session.startsAt)
            // Nor was someone on hold, in hospital or gone when it began, even if active again since.
            .filter((member) => statusAt(state, member, session.startsAt) === "active")
            .filter((member) => !hasDeclinedCheckins(state, member))
            .map((member) =>
              makeDelivery({
                kind: "checkin",
                group,
                session: session.number,
                recipient: member,
                dueAt,
                expiresAt: closes,
              }),
            )
        );
      });
  },
  wanted(state, delivery) {
    return !hasDeclinedCheckins(state, delivery.recipient);
  },
  render(ctx, group, state, delivery, now) {
    const session = sessionByNumber(group, delivery.session);
    const attendance = session && memberAttendance(group, state, session, delivery.recipient);
    if (attendance?.status === "missed") return { message: missedYouMessage(group, now) };
    const promptId = promptIdFor(group.id, delivery.key);
    const practice = sessionContent(programOf(ctx, group), delivery.session)?.practice;
    return {
      message: checkinMessage(ctx, promptId, practice, attendance?.source === "rsvp"),
      prompt: {
        id: promptId,
        prompt: {
          kind: "checkin",
          recipient: delivery.recipient,
          session: delivery.session,
          issuedAt: now.toISOString(),
        },
      },
    };
  },
};
