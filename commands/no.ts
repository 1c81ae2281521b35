import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { setCheckinsDeclined } from "../src/core/groups/index.js";
import { checkinsOffReply } from "../src/views/member/check-ins-replies.js";

// "check-ins", "checkins", "check ins" and the singular all mean the check-ins.
const checkinsWords = /^check[- ]?ins?$/i;

/** `no check-ins`: a member stops getting check-ins, nudges and the screening, until they turn them back on. */
export const no = defineCommand({
  name: "no",
  summary: "Stop getting check-ins; reminders carry on (members)",
  usage: "no check-ins",
  access: "members",
  args: z.array(z.string()).refine((words) => checkinsWords.test(words.join(" ")), "I can only turn check-ins off"),
  async run({ ctx, from }) {
    await setCheckinsDeclined(ctx, from, true);
    return checkinsOffReply();
  },
});
