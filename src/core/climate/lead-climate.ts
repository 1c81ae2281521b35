import type { CoreContext } from "../context.js";
import type { Group } from "../setup/index.js";
import type { GroupState } from "../state.js";
import { groupClimate, type SessionClimate } from "./climate.js";

/** The climate a group's own leads are entitled to: figures from `privacy.leadMinResponses` answers, provisional ones while answers are open (the care team keeps `groupClimate`). */
export function leadClimate(ctx: CoreContext, group: Group, state: Readonly<GroupState>, now: Date): SessionClimate[] {
  return groupClimate(ctx, group, state, now, {
    minResponses: ctx.organisation.privacy.leadMinResponses,
    provisional: true,
  });
}
