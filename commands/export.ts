import { z } from "zod";
import { visibleGroup } from "../src/core/groups/index.js";
import { isLead, slugSchema } from "../src/core/setup/index.js";
import { answersCsv } from "../src/views/exports/answers-export.js";
import { appendAudit, memberCodeKey } from "../src/core/privacy/index.js";
import { climateCsv, localDate } from "../src/views/exports/climate-export.js";
import { defineCommand } from "../src/core/command.js";
import { UserError } from "../src/kernel/errors.js";
import { textMessage, type Message } from "../src/kernel/message.js";

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
    if (answers && !isLead(group, from))
      throw new UserError(
        "not-allowed",
        `Members' answers are for the group's leads only. \`export ${group.id}\` gives the figures per session.`,
      );
    const now = ctx.clock.now();
    const key = answers ? await memberCodeKey(ctx.store) : undefined;
    // Built and audited in one store update, so no export is ever handed out without its audit entry.
    const csv = await ctx.store.updateGroup(group.id, (state) => {
      const built = key ? answersCsv(ctx, group, state, key) : climateCsv(ctx, group, state, now);
      if (built.rows > 0)
        appendAudit(state, from, key ? "export-member-answers" : "export-aggregates", now, `${built.rows} rows`);
      return built;
    });
    if (csv.rows === 0)
      return textMessage(
        answers
          ? `No answers from ${group.name} yet, so there is nothing to export.`
          : `${group.name} has not met yet, so there is nothing to export.`,
      );
    const date = localDate(now, group.timezone);
    const plural = csv.rows === 1 ? "" : "s";
    const text = answers
      ? `Here are the answers from ${group.name} (${csv.rows} row${plural}), each member under a code that stays the same for this group. It is health information: please keep the file safe and delete it when you no longer need it.`
      : `Here are ${group.name}'s figures for ${csv.rows} session${plural}. Cells from fewer than ${ctx.organisation.privacy.minResponses} answers, or from a session still collecting answers, are left empty.`;
    return {
      text,
      blocks: [
        { type: "text", text },
        {
          type: "file",
          filename: `${group.id}-${answers ? "answers" : "climate"}-${date}.csv`,
          mediaType: "text/csv",
          data: csv.data,
          title: answers ? `Answers under member codes, ${group.name}` : `Climate per session, ${group.name}`,
        },
      ],
    };
  },
});
