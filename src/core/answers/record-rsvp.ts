import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import { groupOfPrompt, promptFor } from "./prompts.js";
import { sessionByNumber } from "../groups/index.js";
import { rsvpKey } from "../state.js";

/** Records whether a member will come to a session; changing one's mind is fine until it starts. */
export async function recordRsvp(
  ctx: CoreContext,
  from: Address,
  promptId: string,
  response: "yes" | "no",
): Promise<void> {
  const group = groupOfPrompt(ctx, promptId);
  const now = ctx.clock.now();
  await ctx.store.updateGroup(group.id, (state) => {
    const prompt = promptFor(state, promptId, from);
    if (prompt.kind !== "rsvp")
      throw new UserError("bad-answer", "That button doesn't take an RSVP. Nothing was saved.");
    const session = sessionByNumber(group, prompt.session);
    if (!session || now >= session.startsAt)
      throw new UserError(
        "prompt-closed",
        "This session has already started, so I haven't changed anything. Take care.",
      );
    state.rsvps[rsvpKey(from, prompt.session)] = { response, at: now.toISOString() };
  });
}
