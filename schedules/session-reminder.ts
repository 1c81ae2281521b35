import { DateTime } from "luxon";
import { programOf } from "../src/core/context.js";
import { activeMembers, listSessions, sessionByNumber } from "../src/core/groups/index.js";
import { sessionContent } from "../src/core/setup/index.js";
import { memberFacingName } from "../src/views/format.js";
import { promptIdFor } from "../src/core/answers/index.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { addHours, isWithin, formatLocal } from "../src/kernel/time.js";
import type { Block } from "../src/kernel/message.js";

/** "today at 18:00", "tomorrow at 18:00" or "on Tuesday 1 December, 18:00", in the group's time zone. */
function whenFromNow(startsAt: Date, now: Date, timezone: string): string {
  const start = DateTime.fromJSDate(startsAt, { zone: timezone });
  const days = start.startOf("day").diff(DateTime.fromJSDate(now, { zone: timezone }).startOf("day"), "days").days;
  const time = formatLocal(startsAt, timezone, "time");
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  return `on ${formatLocal(startsAt, timezone, "day-time")}`;
}

/** The reminder before each session: its topic, the practice since last time, logistics and an RSVP. */
export const sessionReminder: Schedule = {
  kind: "reminder",
  due(ctx, group, state, from, to) {
    const lead = ctx.organisation.timing.reminderHoursBefore;
    return listSessions(group, addHours(to, lead))
      .filter((session) => !session.cancelled && isWithin(addHours(session.startsAt, -lead), from, to))
      .flatMap((session) =>
        activeMembers(group, state).map((member) =>
          makeDelivery({
            kind: "reminder",
            group,
            session: session.number,
            recipient: member,
            dueAt: addHours(session.startsAt, -lead),
            expiresAt: session.startsAt,
          }),
        ),
      );
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
    const when = whenFromNow(session.startsAt, now, group.timezone);
    const headline = `${capitalise(memberFacingName(group))} meets ${when}.`;
    const promptId = promptIdFor(group.id, delivery.key);
    const blocks: Block[] = [{ type: "text", text: `*${headline}*` }];
    if (content)
      blocks.push({ type: "text", text: `*Session ${session.number}: ${content.topic}*\n${content.summary}` });
    if (practice) blocks.push({ type: "text", text: `*Practice since last time*\n${practice}` });
    blocks.push(
      {
        type: "fields",
        fields: [
          { label: "When", value: formatLocal(session.startsAt, group.timezone, "day-time") },
          { label: "Where", value: group.location },
        ],
      },
      { type: "text", text: "Will you be there? It helps your leaders plan; there is no pressure either way." },
      {
        type: "buttons",
        buttons: [
          { promptId, action: "rsvp-yes", label: "I'll be there", primary: true },
          { promptId, action: "rsvp-no", label: "Can't make it this time" },
        ],
      },
    );
    return {
      message: { text: headline, blocks },
      prompt: {
        id: promptId,
        prompt: { kind: "rsvp", recipient: delivery.recipient, session: session.number, issuedAt: now.toISOString() },
      },
    };
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
