import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import { listSessions } from "../groups/index.js";
import type { Group } from "../setup/index.js";
import type { GroupState } from "../state.js";
import { groupOfPrompt, promptFor } from "./prompts.js";

/** Records that a member has read their orientation; pressing again keeps the first time. */
export async function recordOrientationRead(ctx: CoreContext, from: Address, promptId: string): Promise<void> {
  const group = groupOfPrompt(ctx, promptId);
  const now = ctx.clock.now();
  await ctx.store.updateGroup(group.id, (state) => {
    const prompt = promptFor(state, promptId, from);
    if (prompt.kind !== "orientation")
      throw new UserError("bad-answer", "That button isn't part of your welcome messages. Nothing was saved.");
    state.orientationRead[from] ??= now.toISOString();
  });
}

/** Which members have confirmed reading their orientation, and which not yet. */
export interface OrientationReadStatus {
  readonly read: readonly Address[];
  readonly notYet: readonly Address[];
}

/** Who has confirmed reading the orientation, while session 1 is still ahead; undefined once it has begun. */
export function orientationReadBeforeFirstSession(
  group: Group,
  state: Readonly<GroupState>,
  now: Date,
): OrientationReadStatus | undefined {
  const first = listSessions(group, now).find((session) => !session.cancelled);
  if (!first || first.startsAt <= now) return undefined;
  return {
    read: group.members.filter((member) => state.orientationRead[member] !== undefined),
    notYet: group.members.filter((member) => state.orientationRead[member] === undefined),
  };
}
