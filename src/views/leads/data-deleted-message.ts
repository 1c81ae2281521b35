import type { Address } from "../../kernel/address.js";
import type { Group } from "../../core/setup/index.js";
import type { Message } from "../../kernel/message.js";

/** Tells one of a group's leads that a member asked for their own answers and messages to be deleted, and that it is done. */
export function dataDeletedForLeads(group: Group, member: Address): Message {
  const text = `asked for their answers and messages in ${group.name} to be deleted; this is done.`;
  return {
    text: `A member of ${group.name} asked for their answers and messages to be deleted; this is done.`,
    blocks: [
      { type: "mention", address: member, text },
      {
        type: "context",
        text: "Figures already published for the group stay as they were. They are still a member and still get reminders and check-ins.",
      },
    ],
  };
}
