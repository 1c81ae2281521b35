import type { Address } from "../kernel/address.js";
import type { CoreContext } from "../core/context.js";
import {
  assertCheckinOpen,
  isOrientationPrompt,
  recordScreening,
  screeningOf,
  type ItemAnswers,
} from "../core/answers/index.js";
import { textMessage, type Form } from "../kernel/message.js";
import { checkinForm } from "../views/member/checkin.js";
import { screeningForm, screeningThanks } from "../views/member/screening-form.js";
import type { ReachLeadsNow } from "./member-words.js";
import type { Outcome } from "./outcome.js";

/** The forms a member opens from a button: the full check-in, or the screening sent with their orientation. */
export function createMemberForms(ctx: CoreContext, reachLeadsNow: ReachLeadsNow) {
  return {
    /** Whether a submitted form's prompt is an orientation's screening rather than a check-in. */
    async isScreening(from: Address, promptId: string): Promise<boolean> {
      return isOrientationPrompt(ctx, from, promptId);
    },
    /** The form a prompt's "open-form" button opens, once the member may have it. */
    async open(from: Address, promptId: string): Promise<Form> {
      if (await isOrientationPrompt(ctx, from, promptId)) return screeningForm(screeningOf(ctx, promptId), promptId);
      await assertCheckinOpen(ctx, from, promptId);
      return checkinForm(ctx, promptId);
    },
    /** Saves screening answers; flagged ones reach the leads now, as a routine message. */
    async submitScreening(from: Address, promptId: string, answers: ItemAnswers): Promise<Outcome> {
      const recorded = await recordScreening(ctx, from, promptId, answers);
      if (recorded.flagged) await reachLeadsNow("member-message", 1);
      return { reply: textMessage(screeningThanks) };
    },
  };
}
