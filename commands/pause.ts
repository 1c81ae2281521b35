import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { pauseReply } from "../src/views/member/pause-replies.js";
import { setPaused } from "../src/core/groups/index.js";

/** `pause`: a member takes a break from reminders and check-ins. */
export const pause = defineCommand({
  name: "pause",
  summary: "Take a break from reminders and check-ins (members)",
  usage: "pause",
  access: "members",
  args: z.array(z.string()).max(0, "pause takes no arguments"),
  async run({ ctx, from }) {
    await setPaused(ctx, from, true);
    return pauseReply();
  },
});
