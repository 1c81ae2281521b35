import type { Message } from "../../kernel/message.js";
import { safetyLine } from "./replies.js";

/** What a member sees at once after a distress answer or a message suggesting risk: warm, short, and where to get help now. */
export function crisisReply(resources: readonly string[], opening: string, note?: string): Message {
  const leads = `Your group leaders will see this and may get in touch. You don't need to reply.${note ? ` ${note}` : ""}`;
  const help = safetyLine(resources);
  return {
    text: `${opening} ${leads}\n\n${help}`,
    blocks: [
      { type: "text", text: `${opening} ${leads}` },
      { type: "text", text: help },
    ],
  };
}
