import { z } from "zod";
import { visibleGroup } from "../src/core/groups/index.js";
import { isLead, slugSchema } from "../src/core/setup/index.js";
import { answersCsv } from "../src/views/exports/answers-export.js";
import { appendAudit, memberCodeKey } from "../src/core/privacy/index.js";
import { climateCsv } from "../src/views/exports/climate-export.js";
import { answersForLeadsOnly, exportReply } from "../src/views/exports/export-replies.js";
import { defineCommand } from "../src/core/command.js";
import { UserError } from "../src/kernel/errors.js";
import type { Message } from "../src/kernel/message.js";

const words = z
  .array(z.string())
  .max(2, "export takes a group id, and `answers` for members' answers")
  .transform((given) => ({
    answers: given.at(-1) === "answers",
    group: given.at(-1) === "answers" ? given.slice(0, -1) : given,
  }))
  .pipe(
    z.object({
      answers: z.boolean(),
      group: z.array(slugSchema).max(1, "export takes one group id, then optionally `answers`"),
    }),
  )
  .transform(({ answers, group: [group] }) => ({ group, answers }));

/** `export <group> [answers]`: the group's per-session figures as CSV, or (leads only) members' answers under codes. */
export const exportCommand = defineCommand({
  name: "export",
  summary:
    "A spreadsheet (CSV) of the group's figures per session; `answers` gives leads each member's answers under codes",
  usage: "export <group> [answers]",
  access: "leads-and-care-team",
  args: words,
  async run({ ctx, from, channel }, { group: id, answers }): Promise<Message> {
    const group = visibleGroup(ctx, from, channel, id);
    if (answers && !isLead(group, from)) throw new UserError("not-allowed", answersForLeadsOnly(group));
    const now = ctx.clock.now();
    const key = answers ? await memberCodeKey(ctx.store) : undefined;
    // Built and audited in one store update, so no export is ever handed out without its audit entry.
    const csv = await ctx.store.updateGroup(group.id, (state) => {
      const built = key ? answersCsv(ctx, group, state, key) : climateCsv(ctx, group, state, now);
      if (built.rows > 0)
        appendAudit(state, from, key ? "export-member-answers" : "export-aggregates", now, `${built.rows} rows`);
      return built;
    });
    return exportReply({ group, answers, csv, now, minResponses: ctx.organisation.privacy.minResponses });
  },
});
