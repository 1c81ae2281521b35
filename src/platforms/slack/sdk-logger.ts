import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../kernel/ports.js";

// Slack ids, tokens, URLs and e-mail addresses, which must never reach Cohesion's logs.
const identifying = [
  /xox[a-z]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  /https?:\/\/\S+/g,
  /\S+@\S+\.\S+/g,
  /\b[UWCGDTEBFVA](?=[A-Z0-9]*\d)[A-Z0-9]{6,}\b/g,
];

/** The text of an SDK log line with ids, tokens and links removed, kept short. */
export function redactSdkText(parts: readonly unknown[]): string {
  let text = parts
    .map((part) => (part instanceof Error ? part.name : typeof part === "string" ? part : typeof part))
    .join(" ");
  for (const pattern of identifying) text = text.replace(pattern, "[redacted]");
  return text.slice(0, 200);
}

/** A logger for the Slack SDK: warnings and errors reach Cohesion's log redacted; debug and info chatter is dropped. */
export function sdkLogger(logger: Logger): BoltLogger {
  let level = LogLevel.WARN;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...parts: unknown[]) =>
      logger.warn({ source: "slack-sdk", detail: redactSdkText(parts) }, "Slack SDK warning"),
    error: (...parts: unknown[]) =>
      logger.error({ source: "slack-sdk", detail: redactSdkText(parts) }, "Slack SDK error"),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
