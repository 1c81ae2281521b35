import type { Address } from "../src/kernel/address.js";
import { unreachableCodes, type UnreachableCode } from "../src/kernel/errors.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import { addHours, isWithin } from "../src/kernel/time.js";
import type { Delivery, OutboxEntry } from "../src/core/state.js";
import { unreachableNoticeMessage } from "../src/views/leads/unreachable-notice-message.js";

const noticeHours = 72;

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
    const code = (failures[0]?.error ?? "recipient-gone") as UnreachableCode;
    const notDelivered = failures.map((entry) => entry.delivery.kind);
    return {
      message: unreachableNoticeMessage({ group, session: delivery.session, about, code, notDelivered }),
    };
  },
};
