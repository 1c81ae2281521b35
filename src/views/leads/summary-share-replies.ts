import type { Group } from "../../core/setup/index.js";
import type { Message } from "../../kernel/message.js";

/** The reply once a summary has been posted to the care team channel. */
export function summarySharedReply(group: Group): Message {
  return {
    text: `Shared the summary of ${group.name} with the care team channel.`,
    blocks: [{ type: "text", text: `Shared the summary of ${group.name} with the care team channel.` }],
  };
}

/** Why a shared summary did not reach the care team channel, and that nothing was shared. */
export function summaryShareFailed(): string {
  return "I couldn't post the summary to the care team channel just now, so nothing was shared. Please try again later.";
}
