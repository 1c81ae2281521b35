import type { Address } from "../../kernel/address.js";
import { checkinForm } from "../../views/member/checkin.js";
import type { CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import type { Form } from "../../kernel/message.js";
import { groupOfPrompt, isCheckinOpen, promptFor } from "./prompts.js";

/** The full check-in form for a member who asked for it, while their check-in is open. */
export async function requestCheckinForm(ctx: CoreContext, from: Address, promptId: string): Promise<Form> {
  const group = groupOfPrompt(ctx, promptId);
  const prompt = promptFor(await ctx.store.readGroup(group.id), promptId, from);
  if (prompt.kind !== "checkin") throw new UserError("bad-answer", "That button doesn't open a check-in.");
  if (!isCheckinOpen(ctx, group, prompt, ctx.clock.now()))
    throw new UserError("prompt-closed", "This check-in has closed. Thank you all the same.");
  return checkinForm(ctx, promptId);
}
