import { coreInstruments, type DistressRule } from "../setup/index.js";
import type { GroupState } from "../state.js";
import type { AnswersRecorded, ItemAnswers } from "../answers/index.js";
import { pulseInstrument, type CoreContext } from "../context.js";
import { alertId } from "./episodes.js";

/** Whether an answer to an item is at the distress threshold of a rule for that item. */
export function isDistressAnswer(rules: readonly DistressRule[], itemId: string, value: number): boolean {
  return rules.some(
    (rule) =>
      rule.item === itemId &&
      ((rule.atOrAbove !== undefined && value >= rule.atOrAbove) ||
        (rule.atOrBelow !== undefined && value <= rule.atOrBelow)),
  );
}

/** Whether answers call for offering the member contact with a lead: a pulse answer at a distress rule's threshold. */
export function offersContact(ctx: CoreContext, answers: ItemAnswers): boolean {
  const pulseItems = new Set(pulseInstrument(ctx).items.map((item) => item.id));
  return [...answers].some(
    ([itemId, value]) =>
      pulseItems.has(itemId) && value !== null && isDistressAnswer(ctx.organisation.analytics.distress, itemId, value),
  );
}

/**
 * Records a distress alert for each answer at a distress threshold, except the pulse's, inside the same store
 * update as the answers, once per member, session and item. Returns the ids of alerts raised now.
 */
export function raiseDistressAlerts(
  state: GroupState,
  rules: readonly DistressRule[],
  { member, session, answers, now }: AnswersRecorded,
): string[] {
  return answers.flatMap(({ instrument, itemId, value }) => {
    // The pulse rates the session, not the person ("Hard going" follows hard topics): it only offers contact.
    if (instrument === coreInstruments.pulse || value === null || !isDistressAnswer(rules, itemId, value)) return [];
    const id = alertId(state.groupId, "distress", member, `${session}:${itemId}`);
    if (state.alerts[id]) return [];
    state.alerts[id] = {
      kind: "distress",
      session,
      raisedAt: now.toISOString(),
      member,
      item: itemId,
      value,
      history: [],
    };
    return [id];
  });
}
