import { type CoreContext, checkinInstruments, climateInstrument, pulseInstrument } from "../../core/context.js";
import { groupOfPrompt } from "../../core/answers/index.js";
import type { Instrument } from "../../core/setup/index.js";
import type { Block, ChoiceOption, Form, FormQuestion } from "../../kernel/message.js";

/** The options of an instrument's scale, each value with its label. */
export function scaleOptions(instrument: Instrument): ChoiceOption[] {
  return instrument.scale.labels.map((label, i) => ({ value: instrument.scale.min + i, label }));
}

/** The interactive part of a check-in: the one-tap pulse, the way to the full form and, when nobody knows yet whether the member came, a way to say they weren't there. */
export function checkinBlocks(ctx: CoreContext, promptId: string, askAttendance: boolean): Block[] {
  const pulse = pulseInstrument(ctx);
  const blocks: Block[] = pulse.items.map((item) => ({
    type: "choice",
    promptId,
    itemId: item.id,
    question: item.text,
    options: scaleOptions(pulse),
  }));
  blocks.push(
    {
      type: "buttons",
      buttons: [
        { promptId, action: "open-form", label: "Full check-in (2 min)" },
        ...(askAttendance ? [{ promptId, action: "not-there" as const, label: "I wasn't there" }] : []),
      ],
    },
    {
      type: "context",
      text: "Optional: answer only if you'd like to. Your answers are confidential to your group leaders.",
    },
  );
  return blocks;
}

/** An instrument's items as form questions, the first led by the instrument's stem when it follows another. */
export function instrumentQuestions(instrument: Instrument, withStem: boolean): FormQuestion[] {
  const options = scaleOptions(instrument);
  return instrument.items.map((item, i) => ({
    itemId: item.id,
    text: withStem && i === 0 ? `${instrument.stem} ${item.text}` : item.text,
    options,
  }));
}

/** The full check-in form for a check-in prompt: the GCQ-S, then the clinic's own instruments for that group. */
export function checkinForm(ctx: CoreContext, promptId: string): Form {
  const gcq = climateInstrument(ctx);
  const clinic = checkinInstruments(ctx, groupOfPrompt(ctx, promptId));
  return {
    promptId,
    title: "Full check-in",
    intro: gcq.stem,
    questions: [
      ...instrumentQuestions(gcq, false),
      ...clinic.flatMap((instrument) => instrumentQuestions(instrument, true)),
    ],
    submitLabel: "Send my answers",
  };
}
