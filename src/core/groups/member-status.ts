import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import type { Group } from "../setup/index.js";
import type { GroupState } from "../state.js";
import type { MemberStatus } from "./member-status-record.js";

/** Statuses after which a member no longer counts in the group's figures. */
const left: readonly MemberStatus[] = ["withdrawn", "deceased"];

/** A member's status at an instant: the last change made at or before it, else active. */
export function statusAt(state: Readonly<GroupState>, member: Address, instant: Date): MemberStatus {
  const changes = state.memberStatus[member] ?? [];
  return changes.findLast((change) => new Date(change.at) <= instant)?.status ?? "active";
}

/** A member's current status (the latest change), active when no lead has set one. */
export function statusOf(state: Readonly<GroupState>, member: Address): MemberStatus {
  return state.memberStatus[member]?.at(-1)?.status ?? "active";
}

/** Whether a member had withdrawn or died by an instant, so no longer counts in the group's figures. */
export function hadLeftBy(state: Readonly<GroupState>, member: Address, instant: Date): boolean {
  return left.includes(statusAt(state, member, instant));
}

/** Whether the group may message an address now: anyone but a member of it whose status is not active. */
export function activeInGroup(group: Group, state: Readonly<GroupState>, address: Address): boolean {
  return !group.members.includes(address) || statusOf(state, address) === "active";
}

/** Whether any group records this address as a member who has died: then nothing is ever sent to them again. */
export async function isDeceased(ctx: CoreContext, address: Address): Promise<boolean> {
  for (const group of ctx.groups.filter((g) => g.members.includes(address)))
    if (statusOf(await ctx.store.readGroup(group.id), address) === "deceased") return true;
  return false;
}

/** Whether a scheduled message of `group` may go to `address` now: active in that group, and not deceased in any. */
export async function mayReceiveScheduled(
  ctx: CoreContext,
  group: Group,
  state: Readonly<GroupState>,
  address: Address,
): Promise<boolean> {
  return activeInGroup(group, state, address) && !(await isDeceased(ctx, address));
}
