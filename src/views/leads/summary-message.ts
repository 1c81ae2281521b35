import type { Alert } from "../../core/alerts/index.js";
import type { OrientationReadStatus } from "../../core/answers/index.js";
import { alertHeadline, alertLine } from "./alert-message.js";
import {
  baseline,
  baselineSessions,
  type Aggregate,
  type SessionClimate,
  type TrendSettings,
} from "../../core/climate/index.js";
import { type Group, type Program, sessionContent, type Instrument } from "../../core/setup/index.js";
import type { Block, Message } from "../../kernel/message.js";
import { formatLocal } from "../../kernel/time.js";
import { midGroupNote, trendLines } from "./trend-words.js";
import { urgentAlertBlocks } from "./urgent-alerts.js";
import { orientationReadLines } from "./orientation-read-lines.js";

const shownSessions = 10;

/** A number with one decimal, the way every score is shown. */
export function oneDecimal(value: number): string {
  return value.toFixed(1);
}

function signed(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return rounded >= 0 ? `+${Math.abs(rounded).toFixed(1)}` : rounded.toFixed(1);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "" : ` (${Math.round((100 * part) / whole)}%)`;
}

function scoresLine(
  climate: SessionClimate,
  gcq: Instrument,
  base: ReadonlyMap<string, number>,
  minResponses: number,
): string {
  const parts = gcq.subscales.map((subscale) => {
    const aggregate = climate.subscales.get(subscale.id) as Aggregate;
    if (!aggregate.shown) return undefined;
    const reference = base.get(subscale.id);
    const change = reference === undefined ? "" : ` (${signed(aggregate.mean - reference)} vs baseline)`;
    return `${subscale.name} ${oneDecimal(aggregate.mean)}${change}`;
  });
  if (parts.some((part) => part === undefined)) {
    const fewest = Math.min(...[...climate.subscales.values()].map((a) => a.respondents));
    return `Group climate: not enough responses yet (${fewest} of ${minResponses} needed)`;
  }
  return `${parts.join(" · ")} · ${climate.forms} full check-ins`;
}

function sessionBlock(
  climate: SessionClimate,
  { group, program, gcq, minResponses }: SummaryInput,
  base: ReadonlyMap<string, number>,
): Block {
  const { session } = climate;
  const topic = sessionContent(program, session.number)?.topic;
  const heading = `*Session ${session.number}* · ${formatLocal(session.startsAt, group.timezone, "date")}${topic ? ` · ${topic}` : ""}`;
  const { attendance } = climate;
  const rsvp =
    attendance.source === "recorded"
      ? `Attended ${attendance.count} of ${attendance.of} (recorded)`
      : `RSVP ${climate.rsvp.yes} yes, ${climate.rsvp.no} can't come`;
  const responses = `Responses ${climate.respondents} of ${climate.invited}${percent(climate.respondents, climate.invited)}`;
  if (climate.collecting) {
    const until = formatLocal(climate.windowCloses, group.timezone, "day-time");
    return {
      type: "text",
      text: `${heading}\nCollecting answers until ${until}: figures appear once it closes.\n${responses} so far · ${rsvp}`,
    };
  }
  const pulse = climate.pulse.shown
    ? `Pulse ${oneDecimal(climate.pulse.mean)} (${climate.pulse.respondents} answers)`
    : "Pulse: not enough responses yet";
  return {
    type: "text",
    text: `${heading}\n${scoresLine(climate, gcq, base, minResponses)}\n${pulse} · ${responses} · ${rsvp}`,
  };
}

/** Trends and open alerts for a summary; `leads` also see member-level alerts, the care team never does. */
export interface SummaryAnalytics {
  readonly trend: TrendSettings;
  readonly alerts: readonly Alert[];
  readonly audience: "leads" | "care-team";
  /** When the summary is read: the age of open urgent alerts is counted to it. */
  readonly now: Date;
}

function analyticsBlocks(
  group: Group,
  gcq: Instrument,
  climates: readonly SessionClimate[],
  base: ReadonlyMap<string, number>,
  analytics: SummaryAnalytics,
): Block[] {
  const blocks: Block[] = [];
  const trends = trendLines(gcq, climates, analytics.trend);
  if (trends.length > 0) blocks.push({ type: "text", text: `*Trends*\n${trends.join("\n")}` });
  const note = midGroupNote(group, gcq, climates, base);
  if (note) blocks.push({ type: "context", text: note });
  const open = analytics.alerts.filter(
    (a) => a.status !== "resolved" && (analytics.audience === "leads" || a.level === "group"),
  );
  if (open.length === 0) {
    blocks.push({ type: "context", text: "No open alerts." });
    return blocks;
  }
  const groupLevel = open.filter((a) => a.level === "group").map((a) => alertLine(a, gcq));
  blocks.push({
    type: "text",
    text: `*Open alerts (${open.length})*${groupLevel.length > 0 ? `\n${groupLevel.join("\n")}` : ""}`,
  });
  for (const alert of open.filter((a) => a.level === "member" && a.member))
    blocks.push({
      type: "mention",
      address: alert.member as NonNullable<Alert["member"]>,
      text: `${alertHeadline(alert, gcq).replace(/^A member('s)?/, "")} (session ${alert.session}, ${alert.status})`.trim(),
    });
  return blocks;
}

/** What a summary is made from: the group, its climate per session, and the alerts and trends to show. */
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

/** The care-team summary of a group's climate: per session means, responses, attendance (recorded, else RSVPs) and change from baseline; with trends and open alerts when given. */
export function summaryMessage(input: SummaryInput): Message {
  const { group, program, gcq, climates, minResponses, heading = "Climate summary", analytics, orientation } = input;
  const title = `${heading}: ${group.name}`;
  const base = baseline(climates);
  const lastBaseline = baselineSessions(climates).at(-1)?.session.number ?? Number.POSITIVE_INFINITY;
  const blocks: Block[] = [
    { type: "text", text: `*${title}*` },
    ...(analytics ? urgentAlertBlocks(analytics.alerts, analytics.audience, gcq, analytics.now) : []),
    {
      type: "context",
      text: `${program.name} · ${climates.length} session${climates.length === 1 ? "" : "s"} held · GCQ-S means on 0-6 (higher Engaged is good; higher Avoiding and Conflict deserve a look, though a mid-group rise is common) · figures need at least ${minResponses} answers`,
    },
  ];
  if (orientation && analytics?.audience === "leads") blocks.push(...orientationReadLines(orientation));
  if (climates.length === 0) blocks.push({ type: "text", text: "No sessions have been held yet." });
  const recent = climates.slice(-shownSessions);
  if (recent.length < climates.length)
    blocks.push({ type: "context", text: `Showing the last ${recent.length} sessions.` });
  for (const climate of recent) {
    const reference = climate.session.number > lastBaseline ? base : new Map<string, number>();
    blocks.push(sessionBlock(climate, input, reference));
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
  if (analytics) blocks.push(...analyticsBlocks(group, gcq, climates, base, analytics));
  return { text: title, blocks };
}
