import type { MemberMessage } from "../../core/alerts/index.js";
import type { Group } from "../../core/setup/index.js";
import { textMessage, type Message } from "../../kernel/message.js";
import { formatLocal } from "../../kernel/time.js";

/** A member's own words to Cohesion, shown privately to one of their group's leads. */
export function memberMessageForLeads(group: Group, message: MemberMessage): Message {
  const when = formatLocal(new Date(message.at), group.timezone, "day-time");
  const title = `Message from a member of ${group.name}`;
  return {
    text: `${title}: they wrote to Cohesion on ${when}.`,
    blocks: [
      { type: "text", text: `*${title}*` },
      { type: "mention", address: message.member, text: `wrote to Cohesion on ${when}:` },
      { type: "text", text: message.text },
      {
        type: "context",
        text: "No words suggesting risk were found, but Cohesion does not judge risk: please read it. They were told their leads read these messages during working hours.",
      },
    ],
  };
}

/** What a lead sees when a member's message is no longer stored (erased before it could be shown). */
export function memberMessageUnavailable(group: Group): Message {
  return textMessage(`A member of ${group.name} wrote to Cohesion, but the message is no longer stored.`);
}
