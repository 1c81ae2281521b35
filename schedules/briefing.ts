import { groupAlerts } from "../src/core/alerts/index.js";
import { orientationReadBeforeFirstSession } from "../src/core/answers/index.js";
import { groupClimate, leadClimate } from "../src/core/climate/index.js";
import { climateInstrument, programOf } from "../src/core/context.js";
import { sessionByNumber } from "../src/core/groups/index.js";
import { beforeEachSession, type Schedule } from "../src/core/schedule.js";
import { rsvpKey } from "../src/core/state.js";
import { briefingMessage } from "../src/views/leads/briefing-message.js";

/** Each lead's private briefing `timing.briefingHoursBefore` each session, unless the group turned it off; useless once the session starts. */
export const briefing: Schedule = {
  kind: "briefing",
  // It names members who need attention: individual-level data, so each briefing sent is in the audit log.
  audit: "member-alerts-read",
  due(ctx, group, _state, from, to) {
    if (group.briefing === "off") return [];
    const hoursBefore = ctx.organisation.timing.briefingHoursBefore;
    return beforeEachSession({ kind: "briefing", group, hoursBefore, recipients: group.leads, from, to });
  },
  render(ctx, group, state, delivery, now) {
    const session = sessionByNumber(group, delivery.session);
    if (!session) throw new Error("briefing for a session outside the schedule");
    const { trend, alerts: settings } = ctx.organisation.analytics;
    return {
      message: briefingMessage({
        group,
        program: programOf(ctx, group),
        gcq: climateInstrument(ctx),
        session,
        cantCome: group.members.filter((m) => state.rsvps[rsvpKey(m, session.number)]?.response === "no"),
        notPrepared: orientationReadBeforeFirstSession(group, state, now)?.notYet ?? [],
        alerts: groupAlerts(ctx, group, state, now, groupClimate(ctx, group, state, now)),
        climates: leadClimate(ctx, group, state, now),
        trend,
        settings,
        now,
      }),
    };
  },
};
