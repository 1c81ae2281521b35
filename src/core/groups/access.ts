import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import type { Group } from "../setup/index.js";

/** Groups whose climate this person (or channel) may see: as a lead, or from the care team's channel. */
export function groupsVisibleTo(ctx: CoreContext, from: Address, channel: Address | undefined): Group[] {
  return ctx.groups.filter(
    (group) =>
      group.leads.includes(from) ||
      (channel !== undefined && group.careTeamChannel === channel) ||
      group.careTeamChannel === from,
  );
}

/** The group a lead or care team asks about; defaults to their only group; refuses kindly otherwise. */
export function visibleGroup(
  ctx: CoreContext,
  from: Address,
  channel: Address | undefined,
  id: string | undefined,
): Group {
  const visible = groupsVisibleTo(ctx, from, channel);
  if (id === undefined) {
    const only = visible.length === 1 ? visible[0] : undefined;
    if (only) return only;
    throw new UserError("bad-arguments", `Which group? Yours are: ${visible.map((g) => g.id).join(", ")}.`);
  }
  const group = visible.find((g) => g.id === id);
  // One answer whether the group exists or not, so nobody learns which groups there are.
  if (!group)
    throw new UserError(
      "not-allowed",
      `I can't show you a group called "${id}". Summaries of a group are for its leads and care team${visible.length > 0 ? `; yours are: ${visible.map((g) => g.id).join(", ")}` : ""}.`,
    );
  return group;
}

/** Whether someone may run leads-and-care-team commands at all. */
export function isLeadOrCareTeam(ctx: CoreContext, from: Address, channel: Address | undefined): boolean {
  return groupsVisibleTo(ctx, from, channel).length > 0;
}
