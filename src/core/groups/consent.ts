import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import type { GroupState } from "../state.js";

/** Whether a member said `no check-ins` and has not turned them back on. */
export function hasDeclinedCheckins(state: Readonly<GroupState>, member: Address): boolean {
  return state.declinedCheckins[member] !== undefined;
}

/** Records that a member was told how their answers are used, at `at`, in version `version` of the words. */
export function recordInformed(state: GroupState, member: Address, at: Date, version: number): void {
  state.informed[member] = { at: at.toISOString(), version };
}

/** Turns a member's check-ins off (keeping when they first said so) or back on, in every group they belong to. */
export async function setCheckinsDeclined(ctx: CoreContext, member: Address, declined: boolean): Promise<void> {
  const now = ctx.clock.now().toISOString();
  for (const group of ctx.groups.filter((g) => g.members.includes(member)))
    await ctx.store.updateGroup(group.id, (state) => {
      if (declined) state.declinedCheckins[member] ??= now;
      else delete state.declinedCheckins[member];
    });
}
