import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { setCheckinsDeclined } from "../src/core/groups/index.js";
import { checkinsOnReply } from "../src/views/member/check-ins-replies.js";

/** `check-ins on` (or `check-ins again`): a member who said `no check-ins` gets them again, from the next still open. */
export const checkins = defineCommand({
  name: "check-ins",
  summary: "Get check-ins again after `no check-ins` (members)",
  usage: "check-ins on",
  access: "members",
  args: z
    .array(z.string())
    .refine((words) => /^(on|again|back on)$/i.test(words.join(" ")), "check-ins takes `on` or `again`"),
  async run({ ctx, from }) {
    await setCheckinsDeclined(ctx, from, false);
    return checkinsOnReply();
  },
});
