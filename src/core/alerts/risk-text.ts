import { createHash } from "node:crypto";
import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import type { GroupState } from "../state.js";
import { alertId } from "./episodes.js";
import { suggestsRisk } from "./risk-screen.js";

/** How soon a person must see a member's message: at once (urgent) or within working hours (routine). */
export type RiskPriority = "urgent" | "routine";

/** The priority of a member's message: urgent when it suggests risk in any language Cohesion screens. */
export function riskPriorityOf(ctx: CoreContext, text: string): RiskPriority {
  return suggestsRisk(text, [...ctx.riskPhrases.values()]) ? "urgent" : "routine";
}

/** Records a risk alert for free text a member sent (kept for the group's leads only, never logged); returns its id. */
export function raiseRiskAlert(state: GroupState, member: Address, session: number, text: string, now: Date): string {
  // The words are part of the id: two different messages in the same instant are two alerts, a repeat is one.
  const words = createHash("sha256").update(text).digest("hex").slice(0, 16);
  const id = alertId(state.groupId, "risk-text", member, `${now.toISOString()}:${words}`);
  state.alerts[id] ??= {
    kind: "risk-text",
    session,
    raisedAt: now.toISOString(),
    member,
    text,
    history: [],
  };
  return id;
}
