import {
  isUrgent,
  membersNeedingAttention,
  subscaleStatuses,
  type Alert,
  type AttentionReason,
  type MemberAttention,
} from "../../core/alerts/index.js";
import type { AlertSettings, SessionClimate, TrendSettings } from "../../core/climate/index.js";
import { phaseOf, type Session } from "../../core/groups/index.js";
import { type Group, type Instrument, type Program, sessionContent } from "../../core/setup/index.js";
import type { Address } from "../../kernel/address.js";
import type { Block, Message } from "../../kernel/message.js";
import { formatLocal } from "../../kernel/time.js";
import { alertLine } from "./alert-message.js";
import { principleToConsider } from "./principle-to-consider.js";
import { principlesLine } from "./principles.js";
import { groupLine, membersLine, safetyLine } from "./triage-lines.js";

/** The most members a briefing names, so that it stays at about 12 lines; the summary names the rest. */
const namedAtMost = 5;

const reasonWords: Record<AttentionReason, string> = {
  "stopped-answering": "has stopped answering",
  absent: "has missed sessions in a row",
  disengaging: "is engaged well below the group",
  "not-prepared": "has not confirmed their orientation",
};

/** What a lead's briefing before a session is made from: the session, who can't come, and the group's figures and alerts. */
export interface BriefingInput {
  readonly group: Group;
  readonly program: Program;
  readonly gcq: Instrument;
  readonly session: Session;
  /** Members who said they can't come to this session. */
  readonly cantCome: readonly Address[];
  /** Members who have not confirmed reading their orientation, before session 1. */
  readonly notPrepared: readonly Address[];
  readonly alerts: readonly Alert[];
  /** The climate the leads are entitled to (`leadClimate`). */
  readonly climates: readonly SessionClimate[];
  readonly trend: TrendSettings;
  readonly settings: AlertSettings;
  readonly now: Date;
}

function namedLines(attention: readonly MemberAttention[], cantCome: readonly Address[], group: Group): Block[] {
  const named = [
    ...attention.map((a) => ({ address: a.member, text: a.reasons.map((r) => reasonWords[r]).join("; ") })),
    ...cantCome.map((address) => ({ address, text: "said they can't come" })),
  ];
  const shown = named.slice(0, namedAtMost).map((n): Block => ({ type: "mention", ...n }));
  const more = named.length - shown.length;
  return more > 0 ? [...shown, { type: "context", text: `…and ${more} more: \`summary ${group.id}\`` }] : shown;
}

/** A lead's private briefing before a session, about 12 lines: the session and topic, the triage, open group alerts, who can't come or needs attention, and one principle. */
export function briefingMessage(input: BriefingInput): Message {
  const { group, program, gcq, session, cantCome, notPrepared, alerts, climates, now } = input;
  const title = `Briefing before session ${session.number}: ${group.name}`;
  const topic = sessionContent(program, session.number)?.topic;
  const when = formatLocal(session.startsAt, group.timezone, "day-time");
  const attention = membersNeedingAttention(alerts, notPrepared);
  const statuses = subscaleStatuses({ group, gcq, climates, alerts, trend: input.trend, settings: input.settings });
  const groupAlerts = alerts.filter((a) => a.level === "group" && a.status !== "resolved");
  const principle = principleToConsider(
    alerts.filter((a) => !isUrgent(a) && a.status !== "resolved"),
    notPrepared.length > 0,
    phaseOf(group, session.number),
  );
  const blocks: Block[] = [
    { type: "text", text: `*${title}*` },
    { type: "text", text: `${when}${topic ? ` · ${topic}` : ""}` },
    {
      type: "text",
      text: [safetyLine(alerts, now), membersLine(attention), groupLine(statuses, climates)].join("\n"),
    },
    ...(groupAlerts.length > 0
      ? [{ type: "text" as const, text: groupAlerts.map((a) => alertLine(a, gcq)).join("\n") }]
      : []),
    ...(cantCome.length > 0 ? [{ type: "text" as const, text: `Can't come: ${cantCome.length}` }] : []),
    ...namedLines(attention, cantCome, group),
    { type: "context", text: principlesLine([principle]) },
  ];
  return { text: title, blocks };
}
