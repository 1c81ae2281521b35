import { z } from "zod";
import { visibleGroup, memberReferences } from "../src/core/groups/index.js";
import { slugSchema } from "../src/core/setup/index.js";
import { defineCommand } from "../src/core/command.js";
import { recordAttendance } from "../src/core/attendance/index.js";
import { attendanceReply } from "../src/views/leads/attendance-reply.js";

const wholeNumber = (what: string) =>
  z
    .string()
    .regex(/^\d{1,4}$/, `${what} should be a whole number, such as 3`)
    .transform(Number);

const attendanceArgs = z
  .array(z.string())
  .min(3, "attendance needs the group, the session and how many came")
  .transform(([group = "", session = "", came = "", ...absent]) => ({
    group,
    session,
    came,
    absent: memberReferences(absent),
  }))
  .pipe(
    z.object({
      group: slugSchema,
      session: wholeNumber("The session").pipe(z.number().min(1, "Sessions are numbered from 1")),
      came: wholeNumber("How many came"),
      absent: z.array(z.string()).max(50, "That is more names than a group has"),
    }),
  );

/** `attendance <group> <session> <count> [absent members]`: a lead records who actually came to a held session. */
export const attendance = defineCommand({
  name: "attendance",
  summary: "Record how many came to a held session, and name anyone absent (leads); recording again replaces it",
  usage: "attendance <group> <session> <count> [absent members]",
  access: "leads-and-care-team",
  args: attendanceArgs,
  async run({ ctx, from, channel }, { group: id, session, came, absent }) {
    const group = visibleGroup(ctx, from, channel, id);
    const outcome = await recordAttendance(ctx, group, from, { session, came, absent });
    return attendanceReply(group, session, outcome);
  },
});
