import { z } from "zod";
import { memberReferences, visibleGroup } from "../src/core/groups/index.js";
import { slugSchema } from "../src/core/setup/index.js";
import { askToForget, forgetMember } from "../src/core/erasure/index.js";
import { defineCommand } from "../src/core/command.js";
import { forgetConfirmMessage, forgetDoneMessage } from "../src/views/leads/forget-replies.js";

/** The words after `forget`: the group, one member (a Slack mention may span words), then `confirm` if given. */
function parts(words: readonly string[]) {
  const confirm = words.at(-1)?.toLowerCase() === "confirm";
  const [group = "", ...more] = confirm ? words.slice(0, -1) : words;
  return { group, members: memberReferences(more), confirm };
}

const forgetArgs = z
  .array(z.string())
  .min(2, "forget needs the group and the member")
  .transform(parts)
  .pipe(
    z.object({
      group: slugSchema,
      members: z.array(z.string()).length(1, "Name one member at a time"),
      confirm: z.boolean(),
    }),
  )
  .transform(({ group, members: [member = ""], confirm }) => ({ group, member, confirm }));

/** `forget <group> <member> [confirm]`: a lead erases a member's data, after a confirmation. */
export const forget = defineCommand({
  name: "forget",
  summary: "Erase a member's answers, messages and records in your group (leads), after you confirm",
  usage: "forget <group> <member> [confirm]",
  access: "leads-and-care-team",
  args: forgetArgs,
  async run({ ctx, from, channel }, { group: id, member, confirm }) {
    const group = visibleGroup(ctx, from, channel, id);
    if (confirm) return forgetDoneMessage(await forgetMember(ctx, group, from, member));
    const asked = await askToForget(ctx, group, from, member);
    return forgetConfirmMessage(asked.outcome, asked.id);
  },
});
