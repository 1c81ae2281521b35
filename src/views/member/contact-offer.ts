import type { Message } from "../../kernel/message.js";

/** The kind replies to the offer of contact after a hard session. */
export const contactReplies = {
  yes: "Thank you. I've asked your leads to get in touch with you. They read messages during working hours.",
  no: "That's fine. Thank you for letting us know how it was. Take good care until next time.",
} as const;

/** After the pulse's lowest answer: thanks, and an offer (never a crisis line) of contact with a lead. */
export function contactOfferMessage(promptId: string): Message {
  const saved = "Thank you, that's saved.";
  const offer = "Would you like one of your leads to get in touch?";
  return {
    text: `${saved} ${offer}`,
    blocks: [
      { type: "text", text: `${saved} ${offer}` },
      {
        type: "buttons",
        buttons: [
          { promptId, action: "contact-yes", label: "Yes, please" },
          { promptId, action: "contact-no", label: "No, thanks" },
        ],
      },
    ],
  };
}
