import type { Cohesion } from "../../../app/cohesion.js";
import type { Logger } from "../../../kernel/ports.js";
import type { RecentKeys } from "./recent-keys.js";
import type { RememberedKeys } from "../../../app/remembered-keys.js";
import type { SlackMessenger } from "../deliver/messenger.js";

/** What Cohesion's Slack listeners share. */
export interface ListenerDeps {
  readonly bot: Cohesion;
  readonly messenger: SlackMessenger;
  readonly logger: Logger;
  /** Clicks seen lately, so a double click has one effect. */
  readonly clicks: RecentKeys;
  /** Events API deliveries seen lately, so an event Slack retries (for up to an hour) has one effect. */
  readonly events: RecentKeys;
  /** Events API deliveries handled before, kept in the store, so a repeat is recognised after a restart too. */
  readonly seenEvents: RememberedKeys;
  /** How long a slash command may take before Slack is answered "one moment" and the reply follows. */
  readonly commandAckMs: number;
}

/** Logs a listener's failure by kind only (never ids or text). */
export function logFailure(deps: ListenerDeps, listener: string, error: unknown): void {
  const code =
    typeof error === "object" && error !== null && "code" in error
      ? String((error as { code: unknown }).code)
      : (error as Error)?.name;
  deps.logger.error({ listener, error: code }, "Slack listener failed");
}
