import { textMessage, type Message } from "../../kernel/message.js";

/** The reply once a member has said `no check-ins`, with how to turn them back on. */
export function checkinsOffReply(): Message {
  return textMessage(
    "Of course. You won't get check-ins from now on; your reminders carry on as before. Say `check-ins on` whenever you'd like them back.",
  );
}

/** The reply once a member has turned their check-ins back on. */
export function checkinsOnReply(): Message {
  return textMessage("Welcome back. Your check-ins are on again; say `no check-ins` at any time.");
}
