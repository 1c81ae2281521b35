import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import { groupOfPrompt, promptFor } from "../answers/index.js";
import { contactRequestKey } from "./contact-request.js";

/** Records, once per member and session, that a member would like a lead to get in touch; true when new. */
export async function requestContact(ctx: CoreContext, from: Address, promptId: string): Promise<boolean> {
  const group = groupOfPrompt(ctx, promptId);
  const now = ctx.clock.now();
  return ctx.store.updateGroup(group.id, (state) => {
    const prompt = promptFor(state, promptId, from);
    if (prompt.kind !== "checkin")
      throw new UserError("bad-answer", "That button doesn't reach your leads. Nothing was sent.");
    const key = contactRequestKey(from, prompt.session);
    if (state.contactRequests[key]) return false;
    state.contactRequests[key] = { member: from, session: prompt.session, at: now.toISOString() };
    return true;
  });
}
