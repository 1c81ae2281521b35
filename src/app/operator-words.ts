import { textMessage, type Message } from "../kernel/message.js";
import type { Trouble } from "./delivery-trouble.js";

const platformNames = { slack: "Slack", teams: "Microsoft Teams" } as const;

function line(trouble: Trouble): string {
  switch (trouble.code) {
    case "deliveries-stalled":
      return `No outbox sweep has completed for ${trouble.minutes} minutes (deliveries-stalled).`;
    case "deliveries-failing":
      return `${trouble.failed} of ${trouble.attempts} deliveries failed in one sweep (deliveries-failing).`;
    case "platform-down":
      return `${platformNames[trouble.platform]} has been down for ${trouble.minutes} minutes (${trouble.detail}).`;
  }
}

const utcMinute = (instant: Date) => `${instant.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** What the operators are told once when deliveries are in trouble: codes and counts, never who. */
export function troubleNotice(troubles: readonly Trouble[]): Message {
  return textMessage(
    "Cohesion: messages may not be reaching people.",
    troubles.map(line).join("\n"),
    "GET /healthz shows the current state. You will hear once more when it has recovered.",
  );
}

/** What the operators are told once when the trouble has cleared. */
export function recoveryNotice(since: Date, recovered: Date): Message {
  const minutes = Math.max(1, Math.round((recovered.getTime() - since.getTime()) / 60_000));
  return textMessage(
    `Cohesion: deliveries recovered at ${utcMinute(recovered)}, after ${minutes} minutes of trouble. Messages are going out again.`,
  );
}
