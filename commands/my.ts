import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { storedAboutMember } from "../src/core/erasure/index.js";
import { myDataMessage } from "../src/views/member/my-data-message.js";

/** `my data`: a member sees, in plain words, what Cohesion keeps about them. */
export const my = defineCommand({
  name: "my",
  summary: "See what Cohesion keeps about you (members)",
  usage: "my data",
  access: "members",
  args: z.array(z.string()).refine((words) => words.join(" ").toLowerCase() === "data", "Did you mean `my data`?"),
  async run({ ctx, from }) {
    return myDataMessage(await storedAboutMember(ctx, from));
  },
});
