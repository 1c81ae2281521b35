import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import { heldSessions } from "../groups/index.js";
import type { Group } from "../setup/index.js";
import { memberMessageId } from "./member-message.js";
import { raiseRiskAlert, riskPriorityOf, type RiskPriority } from "./risk-text.js";

/** What became of a member's message: its priority, and how many groups' leads it was passed to. */
export interface MemberTextReceived {
  readonly priority: RiskPriority;
  /** The groups whose leads will read it (none when the sender is not a member of any group). */
  readonly groups: readonly Group[];
  /** Urgent alerts raised (one per group), which reach the leads at once. */
  readonly alerts: readonly string[];
}

function lastSessionHeld(group: Group, now: Date): number {
  return heldSessions(group, now).at(-1)?.number ?? 1;
}

/**
 * Passes what a member wrote to the leads of each group they belong to, in the same store update
 * that keeps it: an urgent alert when it suggests risk, otherwise a routine message. Matching decides
 * only the priority; every message reaches a person. The words are never logged.
 */
export async function receiveMemberText(
  ctx: CoreContext,
  from: Address,
  text: string,
  priority: RiskPriority = riskPriorityOf(ctx, text),
): Promise<MemberTextReceived> {
  const now = ctx.clock.now();
  const groups = ctx.groups.filter((g) => g.members.includes(from));
  const alerts: string[] = [];
  for (const group of groups) {
    const session = lastSessionHeld(group, now);
    if (priority === "urgent") {
      alerts.push(await ctx.store.updateGroup(group.id, (state) => raiseRiskAlert(state, from, session, text, now)));
    } else {
      await ctx.store.updateGroup(group.id, (state) => {
        state.messages[memberMessageId(group.id, from, now, text)] ??= {
          member: from,
          text,
          at: now.toISOString(),
          session,
        };
      });
    }
  }
  return { priority, groups, alerts };
}
