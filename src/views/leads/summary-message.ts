import {
  isUrgent,
  membersNeedingAttention,
  subscaleStatuses,
  type Alert,
  type SubscaleStatus,
} from "../../core/alerts/index.js";
import type { OrientationReadStatus } from "../../core/answers/index.js";
import {
  baseline,
  baselineSessions,
  type AlertSettings,
  type SessionClimate,
  type TrendSettings,
} from "../../core/climate/index.js";
import type { Group, Instrument, Program } from "../../core/setup/index.js";
import type { Block, Message } from "../../kernel/message.js";
import { alertHeadline, alertLine } from "./alert-message.js";
import { historyLine } from "./history-line.js";
import { orientationReadLines } from "./orientation-read-lines.js";
import { oneDecimal, sessionBlock } from "./session-lines.js";
import { groupLine, membersLine, safetyLine } from "./triage-lines.js";
import { midGroupNote, trendLines } from "./trend-words.js";
import { urgentAlertBlocks } from "./urgent-alerts.js";

/** The latest sessions a summary shows in full; the chart and one line of history cover the rest. */
const shownSessions = 3;

/** Trends and open alerts for a summary; `leads` also see members who need attention, the care team never does. */
export interface SummaryAnalytics {
  readonly trend: TrendSettings;
  readonly settings: AlertSettings;
  readonly alerts: readonly Alert[];
  readonly audience: "leads" | "care-team";
  /** When the summary is read: the age of open urgent alerts is counted to it. */
  readonly now: Date;
  /** The fewest answers a published figure needs (`privacy.minResponses`): alerts are found only in those. */
  readonly publishedFrom: number;
}

/** What a summary is made from: the group, its climate per session (as its reader is entitled to), and the alerts and trends to show. */
export interface SummaryInput {
  readonly group: Group;
  readonly program: Program;
  readonly gcq: Instrument;
  readonly climates: readonly SessionClimate[];
  readonly minResponses: number;
  readonly heading?: string;
  readonly analytics?: SummaryAnalytics;
  /** Who has confirmed reading their orientation, until session 1 is held: shown to the leads only. */
  readonly orientation?: OrientationReadStatus;
}

/** The triage first (safety; members, for the leads; the group against its reference), then who is behind it. */
function triageBlocks(input: SummaryInput, analytics: SummaryAnalytics, statuses: readonly SubscaleStatus[]): Block[] {
  const { gcq, climates, orientation } = input;
  const { alerts, audience, now } = analytics;
  if (audience === "care-team")
    return [{ type: "text", text: [safetyLine(alerts, now), groupLine(statuses, climates)].join("\n") }];
  const attention = membersNeedingAttention(alerts, orientation?.notYet);
  const lines = [safetyLine(alerts, now), membersLine(attention), groupLine(statuses, climates)];
  const aboutMembers = alerts.filter((a) => a.level === "member" && !isUrgent(a) && a.status !== "resolved");
  return [
    { type: "text", text: lines.join("\n") },
    ...urgentAlertBlocks(alerts, gcq, now),
    ...aboutMembers.flatMap((alert): Block[] =>
      alert.member
        ? [
            {
              type: "mention",
              address: alert.member,
              text: `${memberHeadline(alert, gcq)} (session ${alert.session}, ${alert.status})`,
            },
          ]
        : [],
    ),
    ...(orientation ? orientationReadLines(orientation) : []),
  ];
}

function memberHeadline(alert: Alert, gcq: Instrument): string {
  return alertHeadline(alert, gcq)
    .replace(/^A member('s)?/, "")
    .trim();
}

/** The open group-level alerts; silence is only reassuring when published figures could have raised one. */
function groupAlertBlocks(input: SummaryInput, { alerts, publishedFrom }: SummaryAnalytics): Block[] {
  const open = alerts.filter((a) => a.level === "group" && a.status !== "resolved");
  if (open.length > 0) {
    const lines = open.map((a) => alertLine(a, input.gcq)).join("\n");
    return [{ type: "text", text: `*Open alerts about the group (${open.length})*\n${lines}` }];
  }
  const published = input.climates.filter(
    (c) => !c.collecting && [...c.subscales.values()].every((a) => a.shown && a.respondents >= publishedFrom),
  );
  // A baseline of two sessions, then one to compare with it.
  const judged = published.length >= 3;
  return [
    {
      type: "context",
      text: judged
        ? "No open alerts about the group."
        : `Too few answers to judge for alerts about the group: they need ${publishedFrom} answers in at least 3 sessions.`,
    },
  ];
}

function trendBlocks(input: SummaryInput, analytics: SummaryAnalytics, base: ReadonlyMap<string, number>): Block[] {
  const group = analytics.audience === "leads" ? analytics.alerts : analytics.alerts.filter((a) => a.level === "group");
  const trends = trendLines(input.gcq, input.climates, analytics.trend, group);
  const note = midGroupNote(input.group, input.gcq, input.climates, base, group);
  return [
    ...(trends.length > 0 ? [{ type: "text" as const, text: `*Trends*\n${trends.join("\n")}` }] : []),
    ...(note ? [{ type: "context" as const, text: note }] : []),
  ];
}

/** A group's climate summary: a triage of at most three lines, then the latest sessions, trends and open alerts, and a one-line legend. */
export function summaryMessage(input: SummaryInput): Message {
  const { group, program, gcq, climates, minResponses, heading = "Climate summary", analytics } = input;
  const title = `${heading}: ${group.name}`;
  const base = baseline(climates);
  const lastBaseline = baselineSessions(climates).at(-1)?.session.number ?? Number.POSITIVE_INFINITY;
  const provisional = analytics?.audience === "leads";
  const blocks: Block[] = [{ type: "text", text: `*${title}*` }];
  if (analytics) {
    const { alerts, trend, settings } = analytics;
    const statuses = subscaleStatuses({ group, gcq, climates, alerts, trend, settings });
    blocks.push(...triageBlocks(input, analytics, statuses), ...groupAlertBlocks(input, analytics));
  }
  if (climates.length === 0) blocks.push({ type: "text", text: "No sessions have been held yet." });
  const recent = climates.slice(-shownSessions);
  const history = historyLine(gcq, climates.slice(0, climates.length - recent.length));
  if (history) blocks.push({ type: "context", text: history });
  for (const climate of recent) {
    const reference = climate.session.number > lastBaseline ? base : new Map<string, number>();
    blocks.push(sessionBlock(climate, { group, program, gcq, minResponses, provisional }, reference));
  }
  if (base.size > 0) {
    const text = gcq.subscales.map((s) => `${s.name} ${oneDecimal(base.get(s.id) ?? 0)}`).join(" · ");
    blocks.push({ type: "context", text: `Baseline (the group's first two sessions with enough answers): ${text}` });
  }
  const latest = climates.at(-1);
  if (latest?.attendance.source === "rsvp")
    blocks.push({
      type: "context",
      text: `Attendance not recorded for session ${latest.session.number}: \`attendance ${group.id} ${latest.session.number} <count>\``,
    });
  if (analytics) blocks.push(...trendBlocks(input, analytics, base));
  blocks.push({
    type: "context",
    text: `${program.name} · ${climates.length} session${climates.length === 1 ? "" : "s"} held · GCQ-S means on 0-6: higher Engaged is good, higher Avoiding and Conflict deserve a look · figures from ${minResponses} answers${provisional ? ", provisional while answers are open" : ""}`,
  });
  return { text: title, blocks };
}
