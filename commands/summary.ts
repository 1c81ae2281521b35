import { z } from "zod";
import { visibleGroup } from "../src/core/groups/index.js";
import { slugSchema } from "../src/core/setup/index.js";
import { groupAlerts } from "../src/core/alerts/index.js";
import { orientationReadBeforeFirstSession } from "../src/core/answers/index.js";
import { groupClimate, leadClimate } from "../src/core/climate/index.js";
import { defineCommand } from "../src/core/command.js";
import { appendAudit } from "../src/core/privacy/index.js";
import { DeliveryError, UserError } from "../src/kernel/errors.js";
import { summaryWithChart } from "../src/views/leads/summary-with-chart.js";
import { summaryShareFailed, summarySharedReply } from "../src/views/leads/summary-share-replies.js";

const summaryArgs = z
  .array(z.string())
  .transform((words) => ({
    share: words.at(-1) === "share",
    groups: words.at(-1) === "share" ? words.slice(0, -1) : words,
  }))
  .pipe(z.object({ share: z.boolean(), groups: z.array(slugSchema).max(1, "summary takes one group id") }))
  .transform(({ share, groups: [group] }) => ({ share, group }));

/** `summary <group> [share]`: the group's climate, trends and open alerts for its leads and care team; `share` posts it to the care team channel. */
export const summary = defineCommand({
  name: "summary",
  summary:
    "Group climate per session, trends and open alerts against the group's own baseline; add `share` to post it to the care team",
  usage: "summary <group> [share]",
  access: "leads-and-care-team",
  args: summaryArgs,
  async run({ ctx, from, channel, send }, { group: id, share }) {
    const group = visibleGroup(ctx, from, channel, id);
    const state = await ctx.store.readGroup(group.id);
    const now = ctx.clock.now();
    const published = groupClimate(ctx, group, state, now);
    // Member-level alerts and lead-entitled figures only for a lead asking privately; never in a channel or shared.
    const audience = group.leads.includes(from) && channel === undefined && !share ? "leads" : "care-team";
    const alerts = groupAlerts(ctx, group, state, now, published);
    const climates = audience === "leads" ? leadClimate(ctx, group, state, now) : published;
    const orientation = orientationReadBeforeFirstSession(group, state, now);
    const full = await summaryWithChart({ ctx, group, climates, alerts, audience, orientation });
    const aboutMembers = alerts.filter((alert) => alert.level === "member" && alert.status !== "resolved").length;
    // Member-level alerts are individual-level data: a lead reading them is written to the audit log.
    if (audience === "leads" && aboutMembers > 0)
      await ctx.store.updateGroup(group.id, (s) =>
        appendAudit(s, from, "member-alerts-read", now, `member alerts: ${aboutMembers}`),
      );
    if (!share) return full;
    try {
      await send(group.careTeamChannel, full);
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      throw new UserError("not-allowed", summaryShareFailed());
    }
    return summarySharedReply(group);
  },
});
