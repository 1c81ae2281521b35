/** Shared setup for the record-answers tests: two members, a world after session 1's check-in, and a tap. */
import { answerKey } from "../../../src/core/state.js";
import { checkinPromptId, painTue, sweepAt } from "../../support/flows.js";
import { makeWorld, type World } from "../../support/world.js";

export const ana = "console:ana";
export const ben = "console:ben";
export const anaPulse = answerKey(ana, 1, "pulse", "pulse-1");

/** A world just after session 1's check-in went out; returns ana's check-in prompt id too. */
export async function afterSession1(world: World = makeWorld()): Promise<{ world: World; prompt: string }> {
  await sweepAt(world, painTue.checkin1);
  return { world, prompt: checkinPromptId(world, ana) };
}

export async function answers(world: World): Promise<Record<string, { value: number; at: string }>> {
  return { ...(await world.store.readGroup("pain-tue")).answers };
}

export function tap(from: string, promptId: string, value: unknown, itemId = "pulse-1") {
  return { type: "choice", from, promptId, itemId, value };
}
