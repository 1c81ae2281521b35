import type { Address } from "../../kernel/address.js";
import { screeningInstrument, type CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import type { Instrument } from "../setup/index.js";
import { groupOfPrompt, promptFor } from "./prompts.js";
import type { ItemAnswers } from "./record-answers.js";
import { isScreeningFlagged } from "./screening.js";

/** What saving screening answers did: how many answers were saved, and whether the leads will be told. */
export interface ScreeningRecorded {
  readonly saved: number;
  readonly flagged: boolean;
}

function checkedAnswers(instrument: Instrument, answers: ItemAnswers): Record<string, number> {
  const checked: Record<string, number> = {};
  for (const [itemId, value] of answers) {
    if (!instrument.items.some((item) => item.id === itemId))
      throw new UserError("bad-answer", "I didn't recognise that question. Nothing was saved.");
    if (value === null) continue;
    if (!Number.isInteger(value) || value < instrument.scale.min || value > instrument.scale.max)
      throw new UserError(
        "bad-answer",
        `Please choose a number from ${instrument.scale.min} to ${instrument.scale.max}. Nothing was saved.`,
      );
    checked[itemId] = value;
  }
  return checked;
}

/** The screening instrument an orientation prompt offers, refusing anything else. */
export function screeningOf(ctx: CoreContext, promptId: string): Instrument {
  const instrument = screeningInstrument(ctx, groupOfPrompt(ctx, promptId));
  if (!instrument) throw new UserError("bad-answer", "That button doesn't take an answer. Nothing was saved.");
  return instrument;
}

/**
 * Saves a member's answers to the pre-group screening sent with their orientation (their latest answers
 * replace earlier ones) and whether they are flagged; a flag reaches the leads once, as a routine message.
 */
export async function recordScreening(
  ctx: CoreContext,
  from: Address,
  promptId: string,
  answers: ItemAnswers,
): Promise<ScreeningRecorded> {
  const group = groupOfPrompt(ctx, promptId);
  const instrument = screeningOf(ctx, promptId);
  const checked = checkedAnswers(instrument, answers);
  const now = ctx.clock.now();
  return ctx.store.updateGroup(group.id, (state) => {
    if (promptFor(state, promptId, from).kind !== "orientation")
      throw new UserError("bad-answer", "That button doesn't take an answer. Nothing was saved.");
    const flagged = isScreeningFlagged(instrument, checked);
    state.screening[from] = { instrument: instrument.id, answers: checked, flagged, at: now.toISOString() };
    return { saved: Object.keys(checked).length, flagged };
  });
}
