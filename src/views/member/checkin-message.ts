import type { CoreContext } from "../../core/context.js";
import type { Block, Message } from "../../kernel/message.js";
import { checkinBlocks } from "./checkin.js";

/** The check-in after a session: thanks, the one-tap pulse and full form (and "I wasn't there" when `askAttendance`), then the practice before next time when there is one. */
export function checkinMessage(
  ctx: CoreContext,
  promptId: string,
  practice: string | undefined,
  askAttendance: boolean,
): Message {
  const blocks: Block[] = [{ type: "text", text: "*Thank you for being part of today's session.*" }];
  blocks.push(...checkinBlocks(ctx, promptId, askAttendance));
  if (practice) blocks.push({ type: "divider" }, { type: "text", text: `*Practice before next time*\n${practice}` });
  return { text: "Thank you for being part of today's session. How was it for you?", blocks };
}
