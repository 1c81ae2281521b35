import type { Group } from "../../core/setup/index.js";
import type { DeliveryKind } from "../../core/state.js";
import type { Address } from "../../kernel/address.js";
import type { UnreachableCode } from "../../kernel/errors.js";
import type { Block, Message } from "../../kernel/message.js";

const whatToDo: Record<UnreachableCode, string> = {
  "not-installed":
    "hasn't opened Cohesion yet, so my messages can't reach them. Please install the app for them, or ask them to open it once; the next message will then arrive.",
  "recipient-gone":
    "can't be reached: their account may be deactivated, or they removed or blocked the app. Please check in with them another way.",
};

const missed: Partial<Record<DeliveryKind, string>> = {
  orientation: "the welcome before the first session",
  reminder: "the reminder for session",
  checkin: "the check-in after session",
  nudge: "the check-in reminder for session",
};

/** What an unreachable notice is made from: the member it is about, why they can't be reached, and what did not arrive. */
export interface UnreachableNoticeInput {
  readonly group: Group;
  readonly session: number;
  readonly about: Address | undefined;
  readonly code: UnreachableCode;
  readonly notDelivered: readonly DeliveryKind[];
}

/** Tells a lead that a member isn't getting Cohesion's messages, what to do about it, and which messages did not arrive. */
export function unreachableNoticeMessage({
  group,
  session,
  about,
  code,
  notDelivered,
}: UnreachableNoticeInput): Message {
  const what = notDelivered
    .map((kind) => missed[kind])
    .filter((text): text is string => text !== undefined)
    .map((text) => (text.endsWith("session") ? `${text} ${session}` : text));
  const intro = `A member of ${group.name} isn't getting Cohesion's messages.`;
  const blocks: Block[] = [{ type: "text", text: intro }];
  if (about) blocks.push({ type: "mention", address: about, text: whatToDo[code] });
  if (what.length > 0) blocks.push({ type: "context", text: `Not delivered: ${[...new Set(what)].join("; ")}.` });
  return { text: intro, blocks };
}
