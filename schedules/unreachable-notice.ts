import type { Address } from "../src/kernel/address.js";
import { unreachableCodes, type UnreachableCode } from "../src/kernel/errors.js";
import type { Block } from "../src/kernel/message.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { addHours, isWithin } from "../src/kernel/time.js";
import type { Delivery, DeliveryKind, OutboxEntry } from "../src/core/state.js";

const noticeHours = 72;

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

function unreachable(entry: OutboxEntry): entry is OutboxEntry & { error: UnreachableCode } {
  return entry.status === "failed" && (unreachableCodes as readonly string[]).includes(entry.error ?? "");
}

/** Tells the group's leads, once per member and session, that a member's messages are not arriving and what to do. */
export const unreachableNotice: Schedule = {
  kind: "unreachable",
  due(_ctx, group, state, from, to) {
    const first = new Map<string, OutboxEntry>();
    for (const entry of Object.values(state.outbox).filter(unreachable)) {
      const { recipient, session } = entry.delivery;
      if (!group.members.includes(recipient)) continue;
      const seen = first.get(`${recipient}|${session}`);
      if (!seen || entry.updatedAt < seen.updatedAt) first.set(`${recipient}|${session}`, entry);
    }
    return [...first.values()]
      .filter((entry) => isWithin(new Date(entry.updatedAt), from, to))
      .flatMap((entry) =>
        group.leads.map((lead: Address) =>
          makeDelivery({
            kind: "unreachable",
            group,
            session: entry.delivery.session,
            recipient: lead,
            dueAt: new Date(entry.updatedAt),
            expiresAt: addHours(new Date(entry.updatedAt), noticeHours),
            about: entry.delivery.recipient,
          }),
        ),
      );
  },
  render(_ctx, group, state, delivery: Delivery) {
    const about = delivery.about;
    const failures = Object.values(state.outbox).filter(
      (entry) =>
        unreachable(entry) && entry.delivery.recipient === about && entry.delivery.session === delivery.session,
    );
    const code = failures[0]?.error ?? "recipient-gone";
    const what = failures
      .map((entry) => missed[entry.delivery.kind])
      .filter((text): text is string => text !== undefined)
      .map((text) => (text.endsWith("session") ? `${text} ${delivery.session}` : text));
    const intro = `A member of ${group.name} isn't getting Cohesion's messages.`;
    const blocks: Block[] = [{ type: "text", text: intro }];
    if (about) blocks.push({ type: "mention", address: about, text: whatToDo[code as UnreachableCode] });
    if (what.length > 0) blocks.push({ type: "context", text: `Not delivered: ${[...new Set(what)].join("; ")}.` });
    return { message: { text: intro, blocks } };
  },
};
