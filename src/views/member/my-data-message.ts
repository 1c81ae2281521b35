import type { StoredAboutMember } from "../../core/erasure/index.js";
import { textMessage, type Message } from "../../kernel/message.js";

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function aboutGroup(data: StoredAboutMember): string {
  const lines = [
    `*${data.group.name}*`,
    `• your check-in answers from ${count(data.sessionsAnswered, "session")}`,
    `• ${count(data.messages, "message")} you wrote to your leads`,
    `• ${count(data.rsvps, "reply", "replies")} about coming to sessions`,
    `• ${data.orientationRead ? "that you read the welcome notes" : "nothing about the welcome notes yet"}`,
  ];
  if (data.screening) lines.push("• your answers to the questions before the group began");
  if (data.contactRequests > 0) lines.push(`• ${count(data.contactRequests, "request")} for a lead to get in touch`);
  if (data.status !== "active") lines.push(`• a note from your leads about your status (${data.status})`);
  if (data.paused) lines.push("• that you paused your reminders");
  if (data.checkinsDeclined) lines.push("• that you'd rather not get check-ins");
  if (data.notesToLeads > 0)
    lines.push(`• ${count(data.notesToLeads, "note")} Cohesion passed to your leads so they could check in with you`);
  return lines.join("\n");
}

/** The answer to a member's `my data`: what is kept about them, group by group, in plain words. */
export function myDataMessage(groups: readonly StoredAboutMember[]): Message {
  return textMessage(
    "Here is what Cohesion keeps about you:",
    ...groups.map(aboutGroup),
    "Your leads can see your own answers and messages, to look after you; the wider care team only sees group figures, never yours.",
    "If you'd like your answers and messages deleted, type `delete my data`. There's no pressure either way.",
  );
}
