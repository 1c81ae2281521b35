import { activeMembers, listSessions } from "../src/core/groups/index.js";
import { programOf } from "../src/core/context.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { addHours, isWithin } from "../src/kernel/time.js";
import { orientationMessage } from "../src/views/member/orientation-message.js";

const graceHours = 7 * 24;

/** Orientation before a member's first session: expectations, agreements, role and skills. */
export const orientation: Schedule = {
  kind: "orientation",
  due(ctx, group, state, from, to) {
    const first = listSessions(group, to).find((session) => !session.cancelled);
    if (!first) return [];
    const planned = addHours(first.startsAt, -ctx.organisation.timing.orientationHoursBefore);
    return activeMembers(group, state).flatMap((member) => {
      const joined = new Date(state.joined[member] ?? planned.toISOString());
      // A member who joins late is oriented as soon as the bot sees them.
      const dueAt = joined > planned ? joined : planned;
      if (!isWithin(dueAt, from, to)) return [];
      return [
        makeDelivery({
          kind: "orientation",
          group,
          session: 1,
          recipient: member,
          dueAt,
          expiresAt: addHours(dueAt, graceHours),
        }),
      ];
    });
  },
  render(ctx, group, _state, _delivery, now) {
    const held = listSessions(group, now).filter((session) => !session.cancelled);
    const next = held.find((session) => session.startsAt > now);
    const upcoming = next && { startsAt: next.startsAt, first: next === held[0] };
    return { message: orientationMessage(group, programOf(ctx, group), upcoming) };
  },
};
