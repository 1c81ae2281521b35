import { type CoreContext, climateInstrument, pulseInstrument } from "../../core/context.js";
import type { Instrument } from "../../core/setup/index.js";
import type { Block, ChoiceOption, Form } from "../../kernel/message.js";

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

/** The full group-climate form (GCQ-S) for a check-in prompt. */
export function checkinForm(ctx: CoreContext, promptId: string): Form {
  const gcq = climateInstrument(ctx);
  const options = scaleOptions(gcq);
  return {
    promptId,
    title: "Full check-in",
    intro: gcq.stem,
    questions: gcq.items.map((item) => ({ itemId: item.id, text: item.text, options })),
    submitLabel: "Send my answers",
  };
}
