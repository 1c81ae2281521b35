import { z } from "zod";
import type { CardElement } from "../render/text.js";

/** What a Cohesion card action carries back: never names or answers, only opaque ids and the chosen values. */
export const cardActionDataSchema = z.discriminatedUnion("cohesion", [
  z.object({ cohesion: z.literal("choice"), promptId: z.string().max(100), itemId: z.string().max(100) }),
  z.object({
    cohesion: z.literal("form"),
    promptId: z.string().max(100),
    itemIds: z.array(z.string().max(100)).max(100),
  }),
  z.object({ cohesion: z.literal("button"), promptId: z.string().max(100), action: z.string().max(100) }),
]);

/** The data of a Cohesion card action. */
export type CardActionData = z.infer<typeof cardActionDataSchema>;

/** The id of the input that holds the answer to an item. */
export function answerInputId(itemId: string): string {
  return `answer.${itemId}`;
}

/** Which of a card's inputs an action sends: all of them ("auto", and Teams first checks the required ones), or none. */
export type ActionInputs = "auto" | "none";

// Action.Submit (a message carrying the same data) is the fallback where Universal Actions are not supported. An
// action that reads no answer says so, or Teams would refuse it until every required input is filled.
/** A card action that Teams sends as an `adaptiveCard/action` invoke (Action.Execute). */
export function cardAction(title: string, data: CardActionData, inputs: ActionInputs, primary = false): CardElement {
  const common = { title, data, associatedInputs: inputs, ...(primary ? { style: "positive" } : {}) };
  return {
    type: "Action.Execute",
    verb: `cohesion.${data.cohesion}`,
    ...common,
    fallback: { type: "Action.Submit", ...common },
  };
}

const answerValue = z.union([z.string(), z.number()]).optional();

/** The submitted value of one answer input: a whole number, null when left empty, or "invalid". */
export function answerOf(submitted: Record<string, unknown>, itemId: string): number | null | "invalid" {
  const raw = answerValue.safeParse(submitted[answerInputId(itemId)]);
  if (!raw.success) return "invalid";
  if (raw.data === undefined || raw.data === "") return null;
  const value = Number(raw.data);
  return Number.isInteger(value) ? value : "invalid";
}
