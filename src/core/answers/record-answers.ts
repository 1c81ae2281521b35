import type { Address } from "../../kernel/address.js";
import { checkinInstruments, climateInstrument, pulseInstrument, type CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import type { Group, Instrument } from "../setup/index.js";
import { groupOfPrompt, isCheckinOpen, promptFor } from "./prompts.js";
import { answerKey, type GroupState, type Prompt } from "../state.js";

/** Answers to record, by item id; null means the member skipped that item. */
export type ItemAnswers = ReadonlyMap<string, number | null>;

/** One checked answer to an item of an instrument; a null value is a skipped item. */
export interface CheckedAnswer {
  readonly instrument: string;
  readonly itemId: string;
  readonly value: number | null;
}

/** One member's answers to one session's check-in, as just recorded. */
export interface AnswersRecorded {
  readonly member: Address;
  readonly session: number;
  readonly answers: readonly CheckedAnswer[];
  readonly now: Date;
}

/** Raises alerts for answers inside the same store update as the answers; returns the ids raised. */
export type RaiseOnAnswers = (state: GroupState, recorded: AnswersRecorded) => string[];

/** What recording did: how many answers were saved, and which distress alerts they raised. */
export interface Recorded {
  readonly saved: number;
  readonly distressAlerts: readonly string[];
}

function checkWindow(ctx: CoreContext, group: Group, prompt: Prompt, now: Date): void {
  if (prompt.kind !== "checkin")
    throw new UserError("bad-answer", "That button doesn't take an answer. Nothing was saved.");
  if (!isCheckinOpen(ctx, group, prompt, now))
    throw new UserError("prompt-closed", "This check-in has closed, so I haven't saved that. Thank you all the same.");
}

function instrumentOfItem(ctx: CoreContext, group: Group, itemId: string): Instrument {
  const asked = [pulseInstrument(ctx), climateInstrument(ctx), ...checkinInstruments(ctx, group)];
  const instrument = asked.find((i) => i.items.some((item) => item.id === itemId));
  if (!instrument) throw new UserError("bad-answer", "I didn't recognise that question. Nothing was saved.");
  return instrument;
}

function checkValue(instrument: Instrument, value: number): void {
  if (!Number.isInteger(value) || value < instrument.scale.min || value > instrument.scale.max)
    throw new UserError(
      "bad-answer",
      `Please choose a number from ${instrument.scale.min} to ${instrument.scale.max}. Nothing was saved.`,
    );
}

/**
 * Records a member's answers to a check-in: only its recipient, only while its window is open,
 * only values on the scale. The last answer to an item wins; repeating an answer changes nothing.
 * `raise` adds the alerts answers call for (a distress threshold) in the same update.
 * Resolves once the answers (and any alert) are durably stored.
 */
export async function recordAnswers(
  ctx: CoreContext,
  from: Address,
  promptId: string,
  answers: ItemAnswers,
  raise: RaiseOnAnswers,
): Promise<Recorded> {
  const group = groupOfPrompt(ctx, promptId);
  const now = ctx.clock.now();
  const checked: CheckedAnswer[] = [...answers].map(([itemId, value]) => {
    const instrument = instrumentOfItem(ctx, group, itemId);
    if (value !== null) checkValue(instrument, value);
    return { instrument: instrument.id, itemId, value };
  });
  return ctx.store.updateGroup(group.id, (state: GroupState) => {
    const prompt = promptFor(state, promptId, from);
    checkWindow(ctx, group, prompt, now);
    let saved = 0;
    for (const { instrument, itemId, value } of checked) {
      if (value === null) continue;
      state.answers[answerKey(from, prompt.session, instrument, itemId)] = { value, at: now.toISOString() };
      saved += 1;
    }
    const distressAlerts = raise(state, { member: from, session: prompt.session, answers: checked, now });
    return { saved, distressAlerts };
  });
}
