import { isUrgent, type Alert } from "../../core/alerts/index.js";
import type { Instrument } from "../../core/setup/index.js";
import type { Block } from "../../kernel/message.js";
import { alertHeadline } from "./alert-message.js";

/** How long ago something happened, in the largest whole unit: "40 minutes", "5 hours", "3 days". */
export function ageOf(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  const [count, unit] =
    minutes < 60
      ? [minutes, "minute"]
      : minutes < 48 * 60
        ? [Math.floor(minutes / 60), "hour"]
        : [Math.floor(minutes / 1440), "day"];
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

function standing(alert: Alert, now: Date): string {
  const state = alert.status === "new" ? "not yet acknowledged" : alert.status;
  return `raised ${ageOf(alert.raisedAt, now)} ago, ${state}`;
}

/** The open urgent alerts (risky messages, distress answers) for the leads, one line each naming the member, with its age. */
export function urgentAlertBlocks(alerts: readonly Alert[], gcq: Instrument, now: Date): Block[] {
  return alerts
    .filter((alert) => isUrgent(alert) && alert.status !== "resolved")
    .map((alert): Block =>
      alert.member
        ? {
            type: "mention",
            address: alert.member,
            text: `${alertHeadline(alert, gcq)
              .replace(/^A member('s)?/, "")
              .trim()} (${standing(alert, now)})`,
          }
        : { type: "text", text: `• ${alertHeadline(alert, gcq)} (${standing(alert, now)})` },
    );
}
