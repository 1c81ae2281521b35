import type { ContactRequest } from "../../core/alerts/index.js";
import type { Group } from "../../core/setup/index.js";
import type { Message } from "../../kernel/message.js";
import { formatLocal } from "../../kernel/time.js";

/** What a contact request for the leads is made from: the group, the request, and its session's date and topic. */
export interface ContactRequestInput {
  readonly group: Group;
  readonly request: ContactRequest;
  readonly startsAt: Date | undefined;
  readonly topic: string | undefined;
}

/** A member's request for one of their leads to get in touch, shown privately to one lead: routine, not an alert. */
export function contactRequestForLeads({ group, request, startsAt, topic }: ContactRequestInput): Message {
  const title = `A member of ${group.name} would like one of you to get in touch`;
  const about = [startsAt && formatLocal(startsAt, group.timezone, "date"), topic].filter(Boolean).join(", ");
  const session = `session ${request.session}${about ? ` (${about})` : ""}`;
  return {
    text: `${title}.`,
    blocks: [
      { type: "text", text: `*${title}*` },
      {
        type: "mention",
        address: request.member,
        text: `said yes, after their check-in for ${session}, when asked if they would like one of their leads to get in touch.`,
      },
      {
        type: "context",
        text: "Routine, not an urgent alert: Cohesion offers this when a member rates a session low on the pulse, which is common after a hard topic. Please contact them when you can.",
      },
    ],
  };
}
