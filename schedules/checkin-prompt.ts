import { checkinMessage } from "../src/views/member/checkin-message.js";
import { programOf } from "../src/core/context.js";
import { activeMembers, answerWindowCloses, listSessions } from "../src/core/groups/index.js";
import { sessionContent } from "../src/core/setup/index.js";
import { promptIdFor } from "../src/core/answers/index.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { addHours, isWithin } from "../src/kernel/time.js";
import { rsvpKey } from "../src/core/state.js";

/** The check-in after each session, for every member who did not say they would miss it. */
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
            .filter((member) => state.rsvps[rsvpKey(member, session.number)]?.response !== "no")
            // Someone who joined after the session began was not there to be asked about it.
            .filter((member) => new Date(state.joined[member] ?? 0) <= session.startsAt)
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
  render(ctx, group, _state, delivery, now) {
    const promptId = promptIdFor(group.id, delivery.key);
    const practice = sessionContent(programOf(ctx, group), delivery.session)?.practice;
    return {
      message: checkinMessage(ctx, promptId, practice),
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
