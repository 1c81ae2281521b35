import type { CoreContext } from "../../core/context.js";
import type { Session } from "../../core/groups/index.js";
import type { Group } from "../../core/setup/index.js";
import type { Message } from "../../kernel/message.js";
import { formatLocal } from "../../kernel/time.js";
import { checkinBlocks } from "./checkin.js";

/** What a nudge is made from: the group, its session when known, the check-in's prompt, and whether to ask if they came. */
export interface NudgeInput {
  readonly group: Group;
  readonly session: Session | undefined;
  readonly promptId: string;
  readonly askAttendance: boolean;
}

/** The one gentle nudge about an unanswered check-in, naming the session's date when it is known, with the check-in again. */
export function nudgeMessage(ctx: CoreContext, { group, session, promptId, askAttendance }: NudgeInput): Message {
  const day = session ? ` on ${formatLocal(session.startsAt, group.timezone, "date")}` : "";
  const text = `If you have a moment: how was the session${day} for you? One tap is plenty, and it's fine to skip.`;
  return { text, blocks: [{ type: "text", text }, ...checkinBlocks(ctx, promptId, askAttendance)] };
}
