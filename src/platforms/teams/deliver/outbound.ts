import type { BotConnector, OutboundActivity } from "./bot-connector.js";
import type { ConversationLimiter, Timer } from "./pacing.js";
import type { ConversationReference } from "./conversation-references.js";
import { withRetries } from "./retrying.js";
import type { RenderedCard } from "../render/message.js";

/** The message activity carrying one Adaptive Card. */
export function cardActivity(rendered: RenderedCard, botId: string): OutboundActivity {
  return {
    type: "message",
    from: { id: botId },
    summary: rendered.summary,
    attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: rendered.card }],
  };
}

/** Where one outbound activity goes: a stored reference, or the conversation an activity came from. */
export type Destination = Pick<ConversationReference, "serviceUrl" | "conversationId" | "botId">;

/** The limiter's name for a conversation: a channel's threads share the channel's limits. */
function limiterKey(conversationId: string): string {
  return conversationId.replace(/;messageid=.*$/, "");
}

/** Everything Cohesion sends to Teams, paced per conversation and retried on Teams' temporary failures. */
export function createOutbound(
  connector: BotConnector,
  limiter: ConversationLimiter,
  timer: Timer,
  random: () => number,
) {
  return {
    /** Posts an activity (a new message, or a reply in a channel thread); resolves with its id. */
    post(to: Destination, activity: OutboundActivity): Promise<string | undefined> {
      return withRetries(
        async () => {
          await limiter.turn(limiterKey(to.conversationId));
          return connector.send(to.serviceUrl, to.conversationId, {
            ...activity,
            conversation: { id: to.conversationId },
          });
        },
        timer,
        random,
      );
    },
    /** Replaces an activity the bot sent (an answered card). */
    update(to: Destination, activityId: string, activity: OutboundActivity): Promise<void> {
      return withRetries(
        async () => {
          await limiter.turn(limiterKey(to.conversationId));
          await connector.update(to.serviceUrl, to.conversationId, activityId, {
            ...activity,
            conversation: { id: to.conversationId },
          });
        },
        timer,
        random,
      );
    },
  };
}

/** The outbound queue created by createOutbound. */
export type Outbound = ReturnType<typeof createOutbound>;
