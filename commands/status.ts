import { z } from "zod";
import { memberReferences, memberStatuses, setMemberStatus, visibleGroup } from "../src/core/groups/index.js";
import { slugSchema } from "../src/core/setup/index.js";
import { defineCommand } from "../src/core/command.js";
import { statusReply } from "../src/views/leads/status-replies.js";

const spellings: Record<string, string> = { hospitalized: "hospitalised", onhold: "on-hold" };

/** The words after `status`: the group, one member (a Slack mention may span words), the status, then `confirm` if given. */
function parts(words: readonly string[]) {
  const confirm = words.at(-1)?.toLowerCase() === "confirm";
  const rest = confirm ? words.slice(0, -1) : [...words];
  // "on hold" typed as two words is the on-hold status, not a member called "on".
  if (rest.at(-2)?.toLowerCase() === "on" && rest.at(-1)?.toLowerCase() === "hold") rest.splice(-2, 2, "on-hold");
  const [group = "", ...more] = rest;
  const typed = (more.at(-1) ?? "").toLowerCase();
  return { group, members: memberReferences(more.slice(0, -1)), status: spellings[typed] ?? typed, confirm };
}

const statusArgs = z
  .array(z.string())
  .min(3, "status needs the group, the member and their status")
  .transform(parts)
  .pipe(
    z.object({
      group: slugSchema,
      members: z.array(z.string()).length(1, "Name one member at a time"),
      status: z.enum(memberStatuses, {
        error: "The status should be one of active, on-hold, hospitalised, withdrawn or deceased",
      }),
      confirm: z.boolean(),
    }),
  )
  .transform(({ group, members: [member = ""], status, confirm }) => ({ group, member, status, confirm }));

/** `status <group> <member> <status> [confirm]`: a lead sets where a member stands; withdrawn and deceased need `confirm`. */
export const status = defineCommand({
  name: "status",
  summary:
    "Set a member's status (leads): active, on-hold, hospitalised, withdrawn or deceased; all but active stop their messages at once",
  usage: "status <group> <member> active|on-hold|hospitalised|withdrawn|deceased [confirm]",
  access: "leads-and-care-team",
  args: statusArgs,
  async run({ ctx, from, channel }, { group: id, member, status: wanted, confirm }) {
    const group = visibleGroup(ctx, from, channel, id);
    const outcome = await setMemberStatus(ctx, group, from, { member, status: wanted, confirmed: confirm });
    return statusReply(group, outcome);
  },
});
