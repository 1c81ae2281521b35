import { createHash } from "node:crypto";
import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import type { GroupState } from "../state.js";
import { alertId } from "./episodes.js";

/** Lower case, straight apostrophes, letters and digits only, single spaces: so "Self-harm!" matches "self harm". */
export function normaliseForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .trim();
}

/** Whether free text contains any of the risk keywords, as whole words or phrases. */
export function suggestsRisk(text: string, keywords: readonly string[]): boolean {
  const padded = ` ${normaliseForMatching(text)} `;
  return keywords.some((keyword) => {
    const phrase = normaliseForMatching(keyword);
    return phrase.length > 0 && padded.includes(` ${phrase} `);
  });
}

/** How soon a person must see a member's message: at once (urgent) or within working hours (routine). */
export type RiskPriority = "urgent" | "routine";

/** The priority of a member's message: urgent when it suggests risk in any language Cohesion screens. */
export function riskPriorityOf(ctx: CoreContext, text: string): RiskPriority {
  const keywords = Object.values(ctx.organisation.analytics.riskKeywords).flat();
  return suggestsRisk(text, keywords) ? "urgent" : "routine";
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
