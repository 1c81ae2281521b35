import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { askToDeleteOwnData, deleteOwnData } from "../src/core/erasure/index.js";
import { deleteDataConfirmMessage, deleteDataDoneMessage } from "../src/views/member/delete-data-replies.js";

const deleteArgs = z
  .array(z.string())
  .transform((words) => words.join(" ").toLowerCase())
  .pipe(z.enum(["my data", "my data confirm"], { error: "Did you mean `delete my data`?" }))
  .transform((words) => ({ confirm: words.endsWith("confirm") }));

/** `delete my data [confirm]`: a member deletes their own answers and messages; their leads are told. */
export const deleteCommand = defineCommand({
  name: "delete",
  summary: "Delete your answers and messages (members); your leads are told",
  usage: "delete my data [confirm]",
  access: "members",
  args: deleteArgs,
  async run({ ctx, from }, { confirm }) {
    if (confirm) return deleteDataDoneMessage(await deleteOwnData(ctx, from));
    return deleteDataConfirmMessage(await askToDeleteOwnData(ctx, from));
  },
});
