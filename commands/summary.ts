import { z } from "zod";
import { visibleGroup } from "../src/core/access.js";
import { groupClimate } from "../src/core/climate.js";
import { climateChartImage, withImage } from "../src/core/climate-chart-image.js";
import { defineCommand } from "../src/core/command.js";
import { instrumentById, programOf } from "../src/core/context.js";
import { slugSchema } from "../src/core/program.js";
import { summaryMessage } from "../src/core/summary-message.js";

/** `summary <group>`: the group's climate for its leads and care team. */
export const summary = defineCommand({
  name: "summary",
  summary: "Group climate per session, responses and RSVPs, against the group's own baseline (leads and care team)",
  usage: "summary <group>",
  access: "leads-and-care-team",
  args: z.array(slugSchema).max(1, "summary takes one group id").transform(([group]) => ({ group })),
  async run({ ctx, from, channel }, { group: id }) {
    const group = visibleGroup(ctx, from, channel, id);
    const state = await ctx.store.readGroup(group.id);
    const climates = groupClimate(ctx, group, state, ctx.clock.now());
    const message = summaryMessage(group, programOf(ctx, group), instrumentById(ctx, "gcq-s"), climates, ctx.organisation.privacy.minResponses);
    return withImage(message, await climateChartImage(ctx, group, climates));
  },
});
