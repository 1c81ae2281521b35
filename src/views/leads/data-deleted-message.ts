import type { Address } from "../../kernel/address.js";
import type { Group } from "../../core/setup/index.js";
import { textMessage, type Message } from "../../kernel/message.js";

/** Tells one of a group's leads that a member deleted their own answers and messages; unnamed once their records are erased. */
export function dataDeletedForLeads(group: Group, member: Address | undefined): Message {
  const text = `asked for their answers and messages in ${group.name} to be deleted; this is done.`;
  const summary = `A member of ${group.name} asked for their answers and messages to be deleted; this is done.`;
  if (member === undefined) return textMessage(summary);
  return {
    text: summary,
    blocks: [
      { type: "mention", address: member, text },
      {
        type: "context",
        text: "Figures already published for the group stay as they were. They are still a member and still get reminders and check-ins.",
      },
    ],
  };
}
