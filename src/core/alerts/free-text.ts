import type { Address } from "../../kernel/address.js";
import { programOf, type CoreContext } from "../context.js";
import { listSessions } from "../groups/index.js";
import { raiseRiskAlert, suggestsRisk } from "./risk-text.js";

/**
 * Checks free text a member sent against the risk keywords of each of their groups' program language;
 * on a match, stores a risk alert for that group's leads (the text is kept for them, never logged).
 * Returns the ids of the alerts raised.
 */
export async function checkFreeText(ctx: CoreContext, from: Address, text: string): Promise<string[]> {
  const now = ctx.clock.now();
  const { riskKeywords } = ctx.organisation.analytics;
  const raised: string[] = [];
  for (const group of ctx.groups.filter((g) => g.members.includes(from))) {
    const keywords = riskKeywords[programOf(ctx, group).language] ?? [];
    if (!suggestsRisk(text, keywords)) continue;
    const session =
      listSessions(group, now)
        .filter((s) => !s.cancelled && s.startsAt <= now)
        .at(-1)?.number ?? 1;
    raised.push(await ctx.store.updateGroup(group.id, (state) => raiseRiskAlert(state, from, session, text, now)));
  }
  return raised;
}
