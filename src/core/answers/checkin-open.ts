import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import { groupOfPrompt, isCheckinOpen, promptFor } from "./prompts.js";

/** Resolves when the member who asked for the full check-in form may have it: their check-in, still open. */
export async function assertCheckinOpen(ctx: CoreContext, from: Address, promptId: string): Promise<void> {
  const group = groupOfPrompt(ctx, promptId);
  const prompt = promptFor(await ctx.store.readGroup(group.id), promptId, from);
  if (prompt.kind !== "checkin") throw new UserError("bad-answer", "That button doesn't open a check-in.");
  if (!isCheckinOpen(ctx, group, prompt, ctx.clock.now()))
    throw new UserError("prompt-closed", "This check-in has closed. Thank you all the same.");
}

/** Whether a prompt is the member's own orientation, whose form is the pre-group screening rather than a check-in. */
export async function isOrientationPrompt(ctx: CoreContext, from: Address, promptId: string): Promise<boolean> {
  const group = groupOfPrompt(ctx, promptId);
  const prompt = (await ctx.store.readGroup(group.id)).prompts[promptId];
  return prompt?.kind === "orientation" && prompt.recipient === from;
}
