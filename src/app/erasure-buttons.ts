import type { Address } from "../kernel/address.js";
import type { CoreContext } from "../core/context.js";
import { confirmForget, confirmOwnDeletion } from "../core/erasure/index.js";
import type { ButtonAction } from "../kernel/message.js";
import { forgetDoneMessage } from "../views/leads/forget-replies.js";
import { deleteDataDoneMessage } from "../views/member/delete-data-replies.js";
import type { Outcome } from "./outcome.js";

const erasureButtonActions = ["forget-confirm", "delete-data-confirm"] as const;

/** A confirmation button of an erasure: a lead's `forget`, a member's `delete my data`. */
export type ErasureButtonAction = (typeof erasureButtonActions)[number];

/** Whether a button confirms an erasure. */
export function isErasureButton(action: ButtonAction): action is ErasureButtonAction {
  return (erasureButtonActions as readonly ButtonAction[]).includes(action);
}

/** Carries out the erasure a confirmation button stands for; the reply goes beside the question (a Slack command reply cannot be replaced). */
export async function pressErasureButton(
  ctx: CoreContext,
  from: Address,
  promptId: string,
  action: ErasureButtonAction,
): Promise<Outcome> {
  if (action === "forget-confirm") return { reply: forgetDoneMessage(await confirmForget(ctx, from, promptId)) };
  return { reply: deleteDataDoneMessage(await confirmOwnDeletion(ctx, from, promptId)) };
}
