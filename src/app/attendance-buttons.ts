import type { Address } from "../kernel/address.js";
import type { CoreContext } from "../core/context.js";
import { recordNotThere } from "../core/attendance/index.js";
import { notThereReply } from "../views/member/missed-you-message.js";
import type { Outcome } from "./outcome.js";

/** "I wasn't there" on a check-in: noted for that session's climate, with a kind reply in place of the check-in. */
export async function pressNotThere(ctx: CoreContext, from: Address, promptId: string): Promise<Outcome> {
  const { group } = await recordNotThere(ctx, from, promptId);
  return { reply: notThereReply(group, ctx.clock.now()), replacesPrompt: true };
}
