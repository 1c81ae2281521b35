import type { CoreContext } from "../../core/context.js";
import type { Session } from "../../core/groups/index.js";
import type { Group } from "../../core/setup/index.js";
import type { Message } from "../../kernel/message.js";
import { formatLocal } from "../../kernel/time.js";
import { checkinBlocks } from "./checkin.js";

/** The one gentle nudge about an unanswered check-in, naming the session's date when it is known, with the check-in again. */
export function nudgeMessage(ctx: CoreContext, group: Group, session: Session | undefined, promptId: string): Message {
  const day = session ? ` on ${formatLocal(session.startsAt, group.timezone, "date")}` : "";
  const text = `If you have a moment: how was the session${day} for you? One tap is plenty, and it's fine to skip.`;
  return { text, blocks: [{ type: "text", text }, ...checkinBlocks(ctx, promptId)] };
}
