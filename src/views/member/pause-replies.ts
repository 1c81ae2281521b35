import { textMessage, type Message } from "../../kernel/message.js";

/** The reply once a member's reminders and check-ins are paused. */
export function pauseReply(): Message {
  return textMessage(
    "Of course. I've paused your reminders and check-ins. Your group is still there for you; use `resume` whenever you like.",
  );
}

/** The reply once a member's reminders and check-ins are on again. */
export function resumeReply(): Message {
  return textMessage("Welcome back. Your reminders and check-ins are on again.");
}
