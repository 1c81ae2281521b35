import { DateTime } from "luxon";
import type { Session } from "../../core/groups/index.js";
import type { Group, ProgramSession } from "../../core/setup/index.js";
import type { Block, Message } from "../../kernel/message.js";
import { formatLocal } from "../../kernel/time.js";
import { memberFacingName } from "../format.js";

/** "today at 18:00", "tomorrow at 18:00" or "on Tuesday 1 December, 18:00", in the group's time zone. */
function whenFromNow(startsAt: Date, now: Date, timezone: string): string {
  const start = DateTime.fromJSDate(startsAt, { zone: timezone });
  const days = start.startOf("day").diff(DateTime.fromJSDate(now, { zone: timezone }).startOf("day"), "days").days;
  const time = formatLocal(startsAt, timezone, "time");
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  return `on ${formatLocal(startsAt, timezone, "day-time")}`;
}

/** The text with its first letter in capitals. */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a session reminder is made from: the session, its program content, the practice since last time and the RSVP prompt. */
export interface SessionReminderInput {
  readonly group: Group;
  readonly session: Session;
  readonly content: ProgramSession | undefined;
  readonly practice: string | undefined;
  readonly promptId: string;
  readonly now: Date;
}

/** The reminder before a session: when it meets, its topic, the practice since last time, logistics and an RSVP. */
export function sessionReminderMessage({
  group,
  session,
  content,
  practice,
  promptId,
  now,
}: SessionReminderInput): Message {
  const when = whenFromNow(session.startsAt, now, group.timezone);
  const headline = `${capitalise(memberFacingName(group))} meets ${when}.`;
  const blocks: Block[] = [{ type: "text", text: `*${headline}*` }];
  if (content) blocks.push({ type: "text", text: `*Session ${session.number}: ${content.topic}*\n${content.summary}` });
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
  return { text: headline, blocks };
}
