import type { OwnDataDeleted } from "../../core/erasure/index.js";
import { textMessage, type Message } from "../../kernel/message.js";

/** Asks a member to confirm `delete my data`, with a button (theirs only, 15 minutes) and the line to type instead. */
export function deleteDataConfirmMessage(confirmationId: string): Message {
  const text =
    "This deletes your answers and the messages you wrote, in every group you're in, and your leads will be told it's done. It can't be undone. You'll still get reminders and check-ins.";
  return {
    text: `${text} To go ahead, type: delete my data confirm`,
    blocks: [
      { type: "text", text },
      {
        type: "buttons",
        buttons: [{ promptId: confirmationId, action: "delete-data-confirm", label: "Delete my data", primary: true }],
      },
      { type: "context", text: "Nothing has changed yet. Or type `delete my data confirm`." },
    ],
  };
}

/** The reply once a member's answers and messages are deleted. */
export function deleteDataDoneMessage(deleted: OwnDataDeleted): Message {
  const answers = `${deleted.answers} ${deleted.answers === 1 ? "answer" : "answers"}`;
  const messages = `${deleted.messages} ${deleted.messages === 1 ? "message" : "messages"}`;
  const onItsWay =
    deleted.contactRequestsOnTheirWay > 0
      ? " Your request for a lead to get in touch is still on its way to them, so that stays."
      : "";
  return textMessage(
    `Done. Your answers and messages are deleted (${answers}, ${messages}), and your leads have been told.${onItsWay} Figures already shared for the group as a whole stay as they were, without your name.`,
  );
}
