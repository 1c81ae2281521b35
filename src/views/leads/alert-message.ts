import type { Group, Instrument } from "../../core/setup/index.js";
import type { Block, Button, Message } from "../../kernel/message.js";
import { formatLocal } from "../../kernel/time.js";
import type { Alert, AlertActed, AlertStatus } from "../../core/alerts/index.js";
import { principlesLine } from "./principles.js";

const statusWords: Record<AlertStatus, string> = {
  new: "new",
  acknowledged: "acknowledged",
  discussed: "discussed in group",
  resolved: "resolved",
};

/** The alert's headline, e.g. "Conflict is up" or "a member has stopped answering". */
export function alertHeadline(alert: Alert, gcq: Instrument): string {
  const subscale = gcq.subscales.find((s) => s.id === alert.subscale)?.name ?? "Engaged";
  switch (alert.kind) {
    case "engagement-drop":
      return `${subscale} has dropped`;
    case "concern-rise":
      return `${subscale} is up`;
    case "low-response":
      return "Fewer members are answering";
    case "member-low-engagement":
      return `A member's ${subscale} is well below the group's`;
    case "missed-sessions":
      return "A member has missed sessions in a row";
    case "stopped-answering":
      return "A member has stopped answering";
    case "distress":
      return "A member gave a distress answer";
    case "risk-text":
      return "A member's message may suggest risk";
  }
}

function buttonsFor(alert: Alert): Button[] {
  const steps: { action: Button["action"]; label: string; rank: number }[] = [
    { action: "alert-acknowledge", label: "Acknowledge", rank: 1 },
    ...(alert.level === "group" ? [{ action: "alert-discussed" as const, label: "Discussed in group", rank: 2 }] : []),
    { action: "alert-resolve", label: "Resolved", rank: 3 },
  ];
  const current = ["new", "acknowledged", "discussed", "resolved"].indexOf(alert.status);
  return steps
    .filter((step) => step.rank > current)
    .map((step) => ({ promptId: alert.id, action: step.action, label: step.label, primary: step.rank === 1 }));
}

/**
 * An alert as a message for the leads (or, for a group-level alert, the care team): what happened, on how
 * many answers, how sure we are, the principles worth considering, who did what and when, and buttons for
 * the next step. Member-level alerts name the member natively (a mention) and must only reach the leads.
 */
export function alertMessage(
  alert: Alert,
  group: Group,
  gcq: Instrument,
  options: { stillOpen?: boolean; note?: string } = {},
): Message {
  const headline = alertHeadline(alert, gcq);
  const title = `${options.stillOpen ? "Still open: alert" : "Alert"} about ${group.name}: ${headline}`;
  const blocks: Block[] = [{ type: "text", text: `*${title}*` }];
  if (alert.member) blocks.push({ type: "mention", address: alert.member, text: alert.evidence.what });
  else blocks.push({ type: "text", text: alert.evidence.what });
  if (alert.text !== undefined) blocks.push({ type: "text", text: `They wrote: "${alert.text}"` });
  blocks.push({ type: "context", text: `On: ${alert.evidence.basis} How sure: ${alert.evidence.sureness}` });
  if (alert.kind === "distress" || alert.kind === "risk-text")
    blocks.push({
      type: "text",
      text: "Please contact them individually today. Cohesion does not assess risk and never replaces your clinical judgement.",
    });
  const principles = principlesLine(alert.principles);
  if (principles) blocks.push({ type: "context", text: principles });
  const raised = formatLocal(alert.raisedAt, group.timezone, "day-time");
  blocks.push({
    type: "context",
    text: `Raised ${raised} (session ${alert.session}) · Status: ${statusWords[alert.status]}`,
  });
  for (const step of alert.history)
    blocks.push({
      type: "mention",
      address: step.by,
      text: `marked it ${statusWords[step.status]}, ${formatLocal(new Date(step.at), group.timezone, "day-time")}.`,
    });
  if (options.note) blocks.push({ type: "context", text: options.note });
  const buttons = buttonsFor(alert);
  if (buttons.length > 0) blocks.push({ type: "buttons", buttons });
  return { text: title, blocks };
}

/** An alert as it stands after someone acted on it, saying so when nothing changed. */
export function alertActedMessage(acted: AlertActed, gcq: Instrument): Message {
  if (!acted.unchanged) return alertMessage(acted.alert, acted.group, gcq);
  const last = acted.alert.history.at(-1);
  const when = last ? `, ${formatLocal(new Date(last.at), acted.group.timezone, "day-time")}` : "";
  return alertMessage(acted.alert, acted.group, gcq, {
    note: `This alert was already ${acted.alert.status}${when}; nothing was changed.`,
  });
}

/** One line per alert for a summary or digest: headline, session and status. */
export function alertLine(alert: Alert, gcq: Instrument): string {
  return `• ${alertHeadline(alert, gcq)} (session ${alert.session}, ${statusWords[alert.status]})`;
}
