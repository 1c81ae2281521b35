import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import type { Group } from "../setup/index.js";
import type { GroupState } from "../state.js";
import { UserError } from "../../kernel/errors.js";
import { listSessions } from "./sessions.js";
import { statusOf } from "./member-status.js";

/** Whether a member asked for a break from scheduled messages. */
export function isPaused(state: Readonly<GroupState>, member: Address): boolean {
  return state.paused[member] !== undefined;
}

/** Members who get scheduled messages now: not paused, and active as far as their leads say. */
export function activeMembers(group: Group, state: Readonly<GroupState>): Address[] {
  return group.members.filter((member) => !isPaused(state, member) && statusOf(state, member) === "active");
}

/**
 * Records when each configured member joined. Members there when Cohesion first sees the group count
 * from the group's first session; anyone added later joins now, gets their orientation at once and
 * is not asked about sessions held before they came.
 */
export function noteNewMembers(group: Group, state: GroupState, now: Date): void {
  const founding = Object.keys(state.joined).length === 0;
  const firstSession = listSessions(group, new Date(0))[0]?.startsAt ?? now;
  const joined = (founding && firstSession < now ? firstSession : now).toISOString();
  for (const member of group.members) state.joined[member] ??= joined;
}

/** The groups an address is a member of, or a kind refusal if none. */
export function groupsOfMember(ctx: CoreContext, member: Address): Group[] {
  const groups = ctx.groups.filter((group) => group.members.includes(member));
  if (groups.length === 0)
    throw new UserError("not-allowed", "Pausing is for group members, and I can't find you in a group.");
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
