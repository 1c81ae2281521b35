import type { Address } from "../../kernel/address.js";
import type { Alert } from "./alert.js";
import type { AlertKind } from "./record.js";

/** Why a member needs their leads' attention, in the alert rules' terms, or not having confirmed their orientation. */
export type AttentionReason = "disengaging" | "absent" | "stopped-answering" | "not-prepared";

/** A member who needs attention, with every reason that holds, in a fixed order. */
export interface MemberAttention {
  readonly member: Address;
  readonly reasons: readonly AttentionReason[];
}

const reasonOfKind: Partial<Record<AlertKind, AttentionReason>> = {
  "member-low-engagement": "disengaging",
  "missed-sessions": "absent",
  "stopped-answering": "stopped-answering",
};

const order: readonly AttentionReason[] = ["stopped-answering", "absent", "disengaging", "not-prepared"];

/** The members who need their leads' attention (leads only): an open member-level alert (disengaging, absent, stopped answering), or not prepared before session 1. */
export function membersNeedingAttention(
  alerts: readonly Alert[],
  notPrepared: readonly Address[] = [],
): MemberAttention[] {
  const reasons = new Map<Address, Set<AttentionReason>>();
  const note = (member: Address, reason: AttentionReason) =>
    reasons.set(member, (reasons.get(member) ?? new Set()).add(reason));
  for (const alert of alerts) {
    const reason = reasonOfKind[alert.kind];
    if (reason && alert.member && alert.status !== "resolved") note(alert.member, reason);
  }
  for (const member of notPrepared) note(member, "not-prepared");
  return [...reasons].map(([member, held]) => ({ member, reasons: order.filter((reason) => held.has(reason)) }));
}
