import type { ErasedCounts, ForgetOutcome } from "../../core/erasure/index.js";
import { erasureConfirmationMinutes } from "../../core/privacy/index.js";
import type { Message } from "../../kernel/message.js";

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What an erasure covers, in words for the lead. */
function whatGoes(counts: ErasedCounts): string {
  return [
    plural(counts.answers, "answer"),
    plural(counts.messages, "message"),
    plural(counts.rsvps, "RSVP"),
    plural(counts.prompts, "sent prompt"),
    plural(counts.deliveries, "delivery record"),
    plural(counts.other, "other note") + " (orientation, attendance, screening, contact requests, alerts)",
  ].join(", ");
}

const stays =
  "Figures already published for the group stay exactly as they were, and the audit log notes the erasure in counts, never who.";

function stillMemberNote(outcome: ForgetOutcome): string {
  return outcome.stillMember
    ? " They are still a member in cohesion.yaml, so Cohesion will keep sending them reminders and check-ins (their pause or status stays); remove them there to stop that."
    : "";
}

/** What `forget` will erase, with the confirmation button (this lead only, 15 minutes) and the line to type instead. */
export function forgetConfirmMessage(outcome: ForgetOutcome, confirmationId: string): Message {
  const command = `forget ${outcome.group.id} ${outcome.reference} confirm`;
  const text = `will have their data in ${outcome.group.name} erased once you confirm: ${whatGoes(outcome.counts)}. ${stays} This cannot be undone.${stillMemberNote(outcome)}`;
  return {
    text: `A member's data in ${outcome.group.name} will be erased once you confirm. To go ahead, type: ${command}`,
    blocks: [
      { type: "mention", address: outcome.member, text },
      {
        type: "buttons",
        buttons: [{ promptId: confirmationId, action: "forget-confirm", label: "Erase their data", primary: true }],
      },
      {
        type: "context",
        text: `Nothing has changed yet. The button works for you only, for ${erasureConfirmationMinutes} minutes. Or type exactly: \`${command}\``,
      },
    ],
  };
}

/** The reply once a member's data is erased. */
export function forgetDoneMessage(outcome: ForgetOutcome): Message {
  const text = `Done: their data in ${outcome.group.name} is erased (${whatGoes(outcome.counts)}). ${stays}${stillMemberNote(outcome)}`;
  return { text: `A member's data in ${outcome.group.name} is erased.`, blocks: [{ type: "text", text }] };
}
