import { DateTime } from "luxon";
import { groupClimate } from "../src/core/climate/index.js";
import type { CoreContext } from "../src/core/context.js";
import type { Group } from "../src/core/setup/index.js";
import { answerWindowCloses, listSessions } from "../src/core/groups/index.js";
import { overviewMessage } from "../src/views/care-team/overview-message.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { addHours, isWithin } from "../src/kernel/time.js";

/** The overview goes out on Mondays at this local hour, in the time zone of the channel's first group. */
export const overviewHour = 9;
const graceHours = 24;

/** The groups whose digests go to a channel, in configuration order. */
function groupsOf(ctx: CoreContext, channel: string): Group[] {
  return ctx.groups.filter((group) => group.careTeamChannel === channel);
}

/** Monday mornings at overviewHour within (from, to], in a time zone. */
function mondayMornings(from: Date, to: Date, zone: string): DateTime[] {
  const mornings: DateTime[] = [];
  let morning = DateTime.fromJSDate(from, { zone }).startOf("week").set({ hour: overviewHour });
  for (; morning.toJSDate() <= to; morning = morning.plus({ weeks: 1 }))
    if (isWithin(morning.toJSDate(), from, to)) mornings.push(morning);
  return mornings;
}

/** Whether any of the groups published a session (its answer window closed) in the week before `morning`. */
function publishedInWeekBefore(ctx: CoreContext, groups: readonly Group[], morning: DateTime): boolean {
  const end = morning.toJSDate();
  const start = morning.minus({ weeks: 1 }).toJSDate();
  return groups.some((group) =>
    listSessions(group, end).some(
      (session) =>
        !session.cancelled &&
        isWithin(answerWindowCloses(group, session, ctx.organisation.timing.answerWindowHours), start, end),
    ),
  );
}

/**
 * The weekly overview to a care team channel that follows two or more groups: on Monday morning,
 * when any of them published a session in the past week. The channel's first group carries the
 * delivery, whose session number is the ISO week (e.g. 202650), so each week is sent once.
 */
export const careTeamOverview: Schedule = {
  kind: "overview",
  due(ctx, group, _state, from, to) {
    const groups = groupsOf(ctx, group.careTeamChannel);
    if (groups.length < 2 || groups[0]?.id !== group.id) return [];
    return mondayMornings(from, to, group.timezone)
      .filter((morning) => publishedInWeekBefore(ctx, groups, morning))
      .map((morning) => {
        const dueAt = morning.toJSDate();
        return makeDelivery({
          kind: "overview",
          group,
          session: morning.weekYear * 100 + morning.weekNumber,
          recipient: group.careTeamChannel,
          dueAt,
          expiresAt: addHours(dueAt, graceHours),
        });
      });
  },
  async render(ctx, group, state, _delivery, now) {
    const groups = await Promise.all(
      groupsOf(ctx, group.careTeamChannel).map(async (member) => ({
        group: member,
        climates: groupClimate(ctx, member, member.id === group.id ? state : await ctx.store.readGroup(member.id), now),
      })),
    );
    return { message: await overviewMessage(ctx, groups) };
  },
};
