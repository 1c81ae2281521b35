import { textMessage, type Message } from "../../kernel/message.js";

/** The short, kind replies to a member's taps, answers and messages. */
export const replies = {
  pulse: "Thank you, that's saved. Take good care until next time.",
  form: "Thank you for taking the time. Your answers are saved and go only to your group leaders.",
  yes: "Lovely, thank you. See you there.",
  no: "Thanks for letting us know. You'll be missed; take care of yourself.",
  text: "Thanks for your message. I can't answer messages myself; if you'd like to talk, your group leaders will be glad to hear from you. `help` shows what I can do.",
  distress: "Thank you, that's saved. It sounds like things are hard right now.",
  risk: "Thank you for telling me.",
} as const;

/** Who reads what a member writes, and when: said in every reply to their words. */
export const whoReads =
  "Your leads read these messages during working hours. This chat is not watched around the clock.";

/** The standing safety line: where to get help now, from the organisation's crisis resources. */
export function safetyLine(resources: readonly string[]): string {
  return ["If you need help now:", ...resources.map((line) => `• ${line}`)].join("\n");
}

/** The reply to a member's words, once they are on their way to their group's leads. */
export function passedToLeadsReply(resources: readonly string[]): Message {
  const opening = `Thank you. I've passed your message to your group leaders. ${whoReads}`;
  const help = safetyLine(resources);
  return {
    text: `${opening}\n\n${help}`,
    blocks: [
      { type: "text", text: opening },
      { type: "text", text: help },
    ],
  };
}

/** The reply to words from someone who is in no group (nobody here reads them), with the safety line. */
export function notPassedReply(resources: readonly string[]): Message {
  const help = safetyLine(resources);
  return {
    text: `${replies.text}\n\n${help}`,
    blocks: [
      { type: "text", text: replies.text },
      { type: "text", text: help },
    ],
  };
}

/** The reply to anything Cohesion could not read: nothing was saved. */
export const couldNotRead: Message = textMessage(
  "Sorry, I couldn't read that, so nothing was saved. Please try again.",
);

/** The reply to a fault of ours, with a reference the person can quote to their leads. */
export function ourFault(reference: string): Message {
  return textMessage(`Sorry, something went wrong on our side (reference ${reference}). Please try again later.`);
}
