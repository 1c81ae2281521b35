import type { CoreContext } from "../context.js";
import type { Group } from "../setup/index.js";
import type { GroupState } from "../state.js";
import { groupClimate } from "./climate.js";
import { dropFindingsFrom } from "./freeze-session-figures.js";

/**
 * Keeps the figures of every session whose answers have closed, as they stand now, so that erasing members'
 * answers later never changes what was already published. Sessions frozen before stay as they were.
 */
export function freezeClosedSessions(ctx: CoreContext, group: Group, state: GroupState, now: Date): void {
  for (const climate of groupClimate(ctx, group, state, now)) {
    const key = String(climate.session.number);
    if (climate.collecting || state.frozenClimate[key]) continue;
    dropFindingsFrom(state, climate.session.number);
    state.frozenClimate[key] = {
      invited: climate.invited,
      respondents: climate.respondents,
      responseRate: climate.responseRate,
      forms: climate.forms,
      subscales: Object.fromEntries(climate.subscales),
      pulse: climate.pulse,
      rsvp: climate.rsvp,
    };
  }
}
