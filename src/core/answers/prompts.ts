import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import type { Group } from "../setup/index.js";
import { answerWindowCloses, sessionByNumber } from "../groups/index.js";
import { groupTag, groupTagOf } from "./prompt-id.js";
import type { GroupState, Prompt } from "../state.js";

/** The prompt behind an interaction, checked to belong to the person answering it. */
export function promptFor(state: Readonly<GroupState>, promptId: string, from: Address): Prompt {
  const prompt = state.prompts[promptId];
  if (!prompt) throw new UserError("prompt-unknown", "Sorry, I can't find that question any more. Nothing was saved.");
  if (prompt.recipient !== from)
    throw new UserError(
      "prompt-not-yours",
      "This question was sent to someone else, so I haven't saved anything. Thank you, though.",
    );
  return prompt;
}

/** The group a prompt id belongs to, found through its opaque tag. */
export function groupOfPrompt(ctx: CoreContext, promptId: string): Group {
  const tag = groupTagOf(promptId);
  const group = ctx.groups.find((g) => groupTag(g.id) === tag);
  if (!group) throw new UserError("prompt-unknown", "Sorry, I can't find that question any more. Nothing was saved.");
  return group;
}

/** Whether a check-in prompt still takes answers at `now` (until its session's answer window closes). */
export function isCheckinOpen(ctx: CoreContext, group: Group, prompt: Prompt, now: Date): boolean {
  const session = sessionByNumber(group, prompt.session);
  return session !== undefined && now < answerWindowCloses(group, session, ctx.organisation.timing.answerWindowHours);
}
