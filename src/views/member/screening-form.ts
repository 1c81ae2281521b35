import type { Instrument } from "../../core/setup/index.js";
import type { Form } from "../../kernel/message.js";
import { instrumentQuestions } from "./checkin.js";

/** The reply once a member has sent their screening answers, whatever they were. */
export const screeningThanks =
  "Thank you. Your answers are saved and go only to your group leaders, who may be in touch before the first session.";

/** The optional pre-group questions sent with the orientation, as a form for an orientation prompt. */
export function screeningForm(instrument: Instrument, promptId: string): Form {
  return {
    promptId,
    title: "A few questions",
    intro: `${instrument.stem} Your answers go only to your group leaders. Skip any you'd rather not answer.`,
    questions: instrumentQuestions(instrument, false),
    submitLabel: "Send my answers",
  };
}
