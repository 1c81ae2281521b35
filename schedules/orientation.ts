import { activeMembers, hasDeclinedCheckins, listSessions, recordInformed } from "../src/core/groups/index.js";
import { programOf, screeningInstrument } from "../src/core/context.js";
import { promptIdFor } from "../src/core/answers/index.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { addHours, isWithin } from "../src/kernel/time.js";
import { answersUsePart, orientationMessage, orientationParts } from "../src/views/member/orientation-message.js";
import { answersUseVersion } from "../src/views/member/answers-use.js";

const graceHours = 7 * 24;
// The last part arrives the day before the first session, so the member has it all before they come.
const lastPartHoursBefore = 24;

/** When each part is planned: the first orientationHoursBefore session 1, the rest evenly up to the day before. */
function plannedParts(firstStartsAt: Date, hoursBefore: number): Date[] {
  const gap = Math.max(0, hoursBefore - lastPartHoursBefore) / (orientationParts.length - 1);
  return orientationParts.map((_, i) => addHours(firstStartsAt, -hoursBefore + i * gap));
}

/**
 * Orientation before a member's first session, in three short messages: welcome, agreements, their part. The part
 * that says how answers are used records, as it is sent, that the member was told.
 */
export const orientation: Schedule = {
  kind: "orientation",
  due(ctx, group, state, from, to) {
    const first = listSessions(group, to).find((session) => !session.cancelled);
    if (!first) return [];
    const planned = plannedParts(first.startsAt, ctx.organisation.timing.orientationHoursBefore);
    return activeMembers(group, state).flatMap((member) => {
      const joinedAt = state.joined[member];
      const joined = joinedAt === undefined ? undefined : new Date(joinedAt);
      // A member who joins late gets every part already due as soon as the bot sees them, in order.
      const dueTimes = planned.map((plannedAt) => (joined && joined > plannedAt ? joined : plannedAt));
      // The parts expire together, a week after the first: nobody gets the agreements without the welcome.
      const expiresAt = addHours(new Date(Math.min(...dueTimes.map(Number))), graceHours);
      return dueTimes.flatMap((dueAt, i) => {
        if (!isWithin(dueAt, from, to)) return [];
        const delivery = makeDelivery({ kind: "orientation", group, session: 1, recipient: member, dueAt, expiresAt });
        return [{ ...delivery, key: `${delivery.key}:part-${i + 1}`, part: i + 1 }];
      });
    });
  },
  onSent(state, delivery, at) {
    if (delivery.part === answersUsePart) recordInformed(state, delivery.recipient, at, answersUseVersion);
  },
  render(ctx, group, state, delivery, now) {
    const held = listSessions(group, now).filter((session) => !session.cancelled);
    const next = held.find((session) => session.startsAt > now);
    const upcoming = next && { startsAt: next.startsAt, first: next === held[0] };
    const part = orientationParts.find((p) => p === delivery.part) ?? 1;
    const promptId = promptIdFor(group.id, delivery.key);
    return {
      message: orientationMessage(part, {
        group,
        program: programOf(ctx, group),
        next: upcoming,
        promptId,
        crisisResources: ctx.organisation.analytics.crisisResources,
        // Saying no to check-ins says no to the other optional questions too.
        screening: screeningInstrument(ctx, group) !== undefined && !hasDeclinedCheckins(state, delivery.recipient),
        minResponses: ctx.organisation.privacy.minResponses,
      }),
      prompt: {
        id: promptId,
        prompt: { kind: "orientation", recipient: delivery.recipient, session: 1, issuedAt: now.toISOString() },
      },
    };
  },
};
