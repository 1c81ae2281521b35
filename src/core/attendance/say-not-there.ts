import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import { groupOfPrompt, isCheckinOpen, promptFor } from "../answers/index.js";
import type { Group } from "../setup/index.js";
import { rsvpKey } from "../state.js";

/** Where a member said they weren't: the group and the session number. */
export interface NotThere {
  readonly group: Group;
  readonly session: number;
}

/**
 * Records that the member a check-in was sent to wasn't at its session ("I wasn't there"), while the
 * check-in is open: their answers about that session then stay out of its climate. Saying it again
 * changes nothing.
 */
export async function recordNotThere(ctx: CoreContext, from: Address, promptId: string): Promise<NotThere> {
  const group = groupOfPrompt(ctx, promptId);
  const now = ctx.clock.now();
  return ctx.store.updateGroup(group.id, (state) => {
    const prompt = promptFor(state, promptId, from);
    if (prompt.kind !== "checkin")
      throw new UserError("bad-answer", "That button doesn't belong to a check-in, so nothing was saved.");
    if (!isCheckinOpen(ctx, group, prompt, now))
      throw new UserError("prompt-closed", "This check-in has closed, so I haven't changed anything. Take care.");
    state.saidAbsent[rsvpKey(from, prompt.session)] ??= now.toISOString();
    return { group, session: prompt.session };
  });
}
