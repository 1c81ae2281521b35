import { listSessions } from "../../core/groups/index.js";
import type { Group } from "../../core/setup/index.js";
import { textMessage, type Message } from "../../kernel/message.js";
import { formatLocal } from "../../kernel/time.js";
import { memberFacingName } from "../format.js";

/** When the group meets next, warmly and without pressure; or, after its last session, that the leads are glad to hear from them. */
function nextTime(group: Group, now: Date): string {
  const next = listSessions(group, now).find((session) => !session.cancelled && session.startsAt > now);
  const name = memberFacingName(group);
  if (!next) return "That was the group's last session. Your group leaders are always glad to hear from you.";
  const when = formatLocal(next.startsAt, group.timezone, "day-time");
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} next meets on ${when}. It would be lovely to see you whenever you're able.`;
}

/** Instead of the check-in, for a member who said they couldn't come or was recorded absent: no questions, no guilt. */
export function missedYouMessage(group: Group, now: Date): Message {
  const opening = "We missed you today, and we hope you're doing all right. There's nothing to answer here.";
  return {
    text: opening,
    blocks: [
      { type: "text", text: `*We missed you today.*\nWe hope you're doing all right. There's nothing to answer here.` },
      { type: "text", text: nextTime(group, now) },
    ],
  };
}

/** The reply to "I wasn't there", in place of the check-in. */
export function notThereReply(group: Group, now: Date): Message {
  return textMessage(
    `Thank you for letting us know. We missed you, and we hope you're doing all right. ${nextTime(group, now)}`,
  );
}
