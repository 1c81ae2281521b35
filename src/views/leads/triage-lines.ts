import {
  isUrgent,
  type Alert,
  type AttentionReason,
  type MemberAttention,
  type SubscaleStatus,
} from "../../core/alerts/index.js";
import type { SessionClimate } from "../../core/climate/index.js";
import { oneDecimal } from "./session-lines.js";
import { ageOf } from "./urgent-alerts.js";

const reasonWords: Record<AttentionReason, string> = {
  "stopped-answering": "stopped answering",
  absent: "missed sessions in a row",
  disengaging: "engaged well below the group",
  "not-prepared": "orientation not confirmed",
};

/** Line 1: the open urgent alerts (risky messages, distress answers), how many and how old the oldest is. */
export function safetyLine(alerts: readonly Alert[], now: Date): string {
  const open = alerts.filter((alert) => isUrgent(alert) && alert.status !== "resolved");
  const oldest = open.reduce<Alert | undefined>((a, b) => (a && a.raisedAt <= b.raisedAt ? a : b), undefined);
  if (!oldest) return "Safety: no urgent alerts open.";
  const state = oldest.status === "new" ? "not yet acknowledged" : oldest.status;
  const which = open.length === 1 ? "raised" : "the oldest raised";
  return `Safety: ${open.length} urgent alert${open.length === 1 ? "" : "s"} open, ${which} ${ageOf(oldest.raisedAt, now)} ago, ${state}.`;
}

/** Line 2 (leads only): how many members need attention and why, counted by reason; they are named below it. */
export function membersLine(attention: readonly MemberAttention[]): string {
  if (attention.length === 0) return "Members: none need attention.";
  const counts = Object.entries(reasonWords).flatMap(([reason, words]) => {
    const count = attention.filter((a) => a.reasons.includes(reason as AttentionReason)).length;
    return count === 0 ? [] : [`${count} ${words}`];
  });
  return `Members: ${attention.length} need${attention.length === 1 ? "s" : ""} attention (${counts.join(", ")}).`;
}

function judgedPart(status: Extract<SubscaleStatus, { judged: true }>): string {
  return `${status.name} ${oneDecimal(status.mean)} (reference ${oneDecimal(status.referenceMean)}): ${status.status}`;
}

/** Line 3: each subscale that changed against the group's own reference, with its status, or "steady" in one line; "too few answers to judge" when it cannot be judged. */
export function groupLine(statuses: readonly SubscaleStatus[], climates: readonly SessionClimate[]): string {
  const judged = statuses.filter((s): s is Extract<SubscaleStatus, { judged: true }> => s.judged);
  const latest = judged.reduce((session, s) => Math.max(session, s.session), 0);
  const lastClosed = climates.filter((c) => !c.collecting).at(-1)?.session.number ?? 0;
  const stale = lastClosed > latest ? ` Session ${lastClosed}: too few answers to judge.` : "";
  if (judged.length === 0) return "Group: too few answers to judge yet.";
  const unjudged = statuses.filter((s) => !s.judged).map((s) => `${s.name}: too few answers to judge`);
  const changed = judged.filter((s) => s.changed);
  if (changed.length === 0) {
    const figures = judged.map((s) => `${s.name} ${oneDecimal(s.mean)}`).join(" · ");
    return `Group, session ${latest}: steady (${[figures, ...unjudged].join(" · ")}).${stale}`;
  }
  return `Group, session ${latest}: ${[...changed.map(judgedPart), ...unjudged].join(" · ")}.${stale}`;
}
