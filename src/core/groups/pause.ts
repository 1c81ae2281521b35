import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import type { Group } from "./group.js";

/** The groups an address is a member of, or a kind refusal if none. */
export function groupsOfMember(ctx: CoreContext, member: Address): Group[] {
  const groups = ctx.groups.filter((group) => group.members.includes(member));
  if (groups.length === 0) throw new UserError("not-allowed", "Pausing is for group members, and I can't find you in a group.");
  return groups;
}

/** Pauses (or resumes) a member's scheduled messages in every group they belong to. */
export async function setPaused(ctx: CoreContext, member: Address, paused: boolean): Promise<void> {
  const now = ctx.clock.now().toISOString();
  for (const group of groupsOfMember(ctx, member)) {
    await ctx.store.updateGroup(group.id, (state) => {
      if (paused) state.paused[member] ??= now;
      else delete state.paused[member];
    });
  }
}
