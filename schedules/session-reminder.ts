import { programOf } from "../src/core/context.js";
import { activeMembers, listSessions, sessionByNumber } from "../src/core/groups/index.js";
import { sessionContent } from "../src/core/setup/index.js";
import { promptIdFor } from "../src/core/answers/index.js";
import { beforeEachSession, type Schedule } from "../src/core/schedule.js";
import { sessionReminderMessage } from "../src/views/member/session-reminder-message.js";

/** The reminder before each session: its topic, the practice since last time, logistics and an RSVP. */
export const sessionReminder: Schedule = {
  kind: "reminder",
  due(ctx, group, state, from, to) {
    const hoursBefore = ctx.organisation.timing.reminderHoursBefore;
    const recipients = activeMembers(group, state);
    return beforeEachSession({ kind: "reminder", group, hoursBefore, recipients, from, to });
  },
  render(ctx, group, _state, delivery, now) {
    const session = sessionByNumber(group, delivery.session);
    if (!session) throw new Error("reminder for a session outside the schedule");
    const program = programOf(ctx, group);
    const content = sessionContent(program, session.number);
    const previous = listSessions(group, session.startsAt)
      .filter((s) => s.number < session.number && !s.cancelled)
      .at(-1);
    const practice = previous ? sessionContent(program, previous.number)?.practice : undefined;
    const promptId = promptIdFor(group.id, delivery.key);
    return {
      message: sessionReminderMessage({ group, session, content, practice, promptId, now }),
      prompt: {
        id: promptId,
        prompt: { kind: "rsvp", recipient: delivery.recipient, session: session.number, issuedAt: now.toISOString() },
      },
    };
  },
};
