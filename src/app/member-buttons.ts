import type { Address } from "../kernel/address.js";
import type { CoreContext } from "../core/context.js";
import { offersContact, requestContact } from "../core/alerts/index.js";
import { recordOrientationRead, type ItemAnswers } from "../core/answers/index.js";
import { textMessage, type ButtonAction, type Message } from "../kernel/message.js";
import { contactOfferMessage, contactReplies } from "../views/member/contact-offer.js";
import { orientationReplies } from "../views/member/orientation-message.js";
import type { ReachLeadsNow } from "./member-words.js";
import type { Outcome } from "./outcome.js";

const memberButtonActions = ["contact-yes", "contact-no", "orientation-read", "orientation-question"] as const;

/** A button a member presses on the offer of contact after a hard session, or on their orientation. */
export type MemberButtonAction = (typeof memberButtonActions)[number];

/** Whether a button is one of the member buttons handled here. */
export function isMemberButton(action: ButtonAction): action is MemberButtonAction {
  return (memberButtonActions as readonly ButtonAction[]).includes(action);
}

/** The offer of contact after a hard session, and the buttons on it and on the orientation (a yes is routine). */
export function createMemberButtons(ctx: CoreContext, reachLeadsNow: ReachLeadsNow) {
  return {
    /** The reply to saved check-in answers: the offer of contact when the pulse calls for it, else the thanks. */
    thanks(promptId: string, answers: ItemAnswers, plainThanks: string): Message {
      return offersContact(ctx, answers) ? contactOfferMessage(promptId) : textMessage(plainThanks);
    },
    /** What pressing one of the member buttons does, and the kind reply it gets. */
    async press(from: Address, promptId: string, action: MemberButtonAction): Promise<Outcome> {
      switch (action) {
        case "contact-yes":
          if (await requestContact(ctx, from, promptId)) await reachLeadsNow("member-message", 1);
          return { reply: textMessage(contactReplies.yes), replacesPrompt: true };
        case "contact-no":
          return { reply: textMessage(contactReplies.no), replacesPrompt: true };
        case "orientation-read":
          await recordOrientationRead(ctx, from, promptId);
          return { reply: textMessage(orientationReplies.read) };
        case "orientation-question":
          return { reply: textMessage(orientationReplies.question) };
      }
    },
  };
}
