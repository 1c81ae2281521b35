import { createHash } from "node:crypto";
import { z } from "zod";
import { DeliveryError } from "../../../kernel/errors.js";
import type { DeliveryTag, Logger } from "../../../kernel/ports.js";
import type { PacedSlackApi } from "./pacing.js";

const eventType = "cohesion_delivery";
// A retry comes minutes after the post it checks for, so the newest few messages hold it.
const historyLimit = 20;
// Slack's clock and ours may differ a little; nothing of a delivery is posted before it falls due.
const clockMarginMs = 5 * 60_000;

/** Slack errors meaning Cohesion may not read this history at all (the app lacks `im:history`...). */
const unreadableErrors = new Set([
  "slack-missing_scope",
  "slack-not_allowed_token_type",
  "slack-no_permission",
  "slack-access_denied",
  "slack-not_in_channel",
]);

const historySchema = z.looseObject({
  messages: z.array(
    z.looseObject({
      metadata: z
        .looseObject({ event_type: z.string(), event_payload: z.looseObject({ key: z.string() }) })
        .optional()
        .catch(undefined),
    }),
  ),
});

/** The opaque mark of one post of a delivery: a hash of its key and part, never a name or id. */
export function deliveryMark(tag: DeliveryTag, part: number): string {
  return createHash("sha256").update(`${tag.key}#${part}`).digest("base64url").slice(0, 22);
}

/** The `metadata` that carries a delivery's mark on its post. */
export function markMetadata(mark: string): Record<string, unknown> {
  return { event_type: eventType, event_payload: { key: mark } };
}

// Without access to the history (a missing scope), it says so once in the log and unknown outcomes are not retried.
/** Reads a direct message's recent history for the marks of a delivery whose earlier outcome is unknown. */
export class DeliveryHistory {
  private readable = true;

  constructor(
    private readonly api: PacedSlackApi,
    private readonly logger: Logger,
  ) {}

  /** Whether a post to `channel` can be looked for later: a direct message, while its history can be read. */
  checkable(channel: string): boolean {
    return this.readable && channel.startsWith("D");
  }

  /** The marks of Cohesion's deliveries posted to `channel` since `tag` fell due. */
  async marksIn(channel: string, tag: DeliveryTag): Promise<Set<string>> {
    if (!this.checkable(channel)) throw new DeliveryError("outcome-unknown", false);
    const oldest = ((Date.parse(tag.dueAt) - clockMarginMs) / 1000).toFixed(6);
    let answer: unknown;
    try {
      answer = await this.api.call("conversations.history", {
        channel,
        oldest,
        limit: historyLimit,
        include_all_metadata: true,
      });
    } catch (error) {
      throw this.unread(error);
    }
    const history = historySchema.safeParse(answer);
    if (!history.success) throw new DeliveryError("outcome-unknown", true);
    return new Set(
      history.data.messages.flatMap(({ metadata }) =>
        metadata?.event_type === eventType ? [metadata.event_payload.key] : [],
      ),
    );
  }

  private unread(error: unknown): DeliveryError {
    const failure = error instanceof DeliveryError ? error : new DeliveryError("unexpected", false);
    if (!unreadableErrors.has(failure.code))
      return new DeliveryError("outcome-unknown", true, failure.retryAfterSeconds);
    this.readable = false;
    this.logger.warn({ code: "slack-history-unavailable", error: failure.code }, "Slack delivery check unavailable");
    return new DeliveryError("outcome-unknown", false);
  }
}
