import type { Address } from "./address.js";
import { checkinForm } from "./checkin.js";
import type { CoreContext } from "./context.js";
import { UserError } from "./errors.js";
import type { Form } from "./message.js";
import { groupOfPrompt, promptFor } from "./prompts.js";
import { answerWindowCloses, sessionByNumber } from "./sessions.js";

/** The full check-in form for a member who asked for it, while their check-in is open. */
export async function requestCheckinForm(ctx: CoreContext, from: Address, promptId: string): Promise<Form> {
  const group = groupOfPrompt(ctx, promptId);
  const prompt = promptFor(await ctx.store.readGroup(group.id), promptId, from);
  const session = sessionByNumber(group, prompt.session);
  if (prompt.kind !== "checkin" || !session) throw new UserError("bad-answer", "That button doesn't open a check-in.");
  if (ctx.clock.now() >= answerWindowCloses(group, session, ctx.organisation.timing.answerWindowHours))
    throw new UserError("prompt-closed", "This check-in has closed. Thank you all the same.");
  return checkinForm(ctx, promptId);
}
