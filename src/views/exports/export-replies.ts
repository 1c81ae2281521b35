import type { Group } from "../../core/setup/index.js";
import { localDate, type CsvExport } from "./climate-export.js";
import { textMessage, type Message } from "../../kernel/message.js";

/** What an export reply is made from: the group, which export, the file built, when, and the smallest number of answers shown. */
export interface ExportReplyInput {
  readonly group: Group;
  readonly answers: boolean;
  readonly csv: CsvExport;
  readonly now: Date;
  readonly minResponses: number;
}

/** The reply to `export`: the CSV file with a word on what it holds, or why there is nothing to export yet. */
export function exportReply({ group, answers, csv, now, minResponses }: ExportReplyInput): Message {
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
    : `Here are ${group.name}'s figures for ${csv.rows} session${plural}. Cells from fewer than ${minResponses} answers, or from a session still collecting answers, are left empty.`;
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
}

/** Why someone who is not one of the group's leads can't export members' answers, and what they can export instead. */
export function answersForLeadsOnly(group: Group): string {
  return `Members' answers are for the group's leads only. \`export ${group.id}\` gives the figures per session.`;
}
