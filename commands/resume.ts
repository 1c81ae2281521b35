import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { resumeReply } from "../src/views/member/pause-replies.js";
import { setPaused } from "../src/core/groups/index.js";

/** `resume`: a member turns reminders and check-ins back on. */
export const resume = defineCommand({
  name: "resume",
  summary: "Turn reminders and check-ins back on (members)",
  usage: "resume",
  access: "members",
  args: z.array(z.string()).max(0, "resume takes no arguments"),
  async run({ ctx, from }) {
    await setPaused(ctx, from, false);
    return resumeReply();
  },
});
