import { memberTextLimit } from "../../../kernel/events.js";
import { z } from "zod";

/** A Slack user id (U… or, on Enterprise Grid, W…). */
export const slackUserId = z.string().regex(/^[UW][A-Z0-9]{1,30}$/, "expected a Slack user id");

/** A Slack conversation id: a channel (C…), a private channel (G…) or a direct message (D…). */
export const slackChannelId = z.string().regex(/^[CGD][A-Z0-9]{1,30}$/, "expected a Slack conversation id");

/** A Slack message timestamp, which is also its id within a conversation. */
export const slackMessageTs = z.string().regex(/^\d{1,12}\.\d{1,8}$/);

/** The parts of a block_actions payload Cohesion reads: who clicked what, where. */
export const blockActionsSchema = z
  .object({
    type: z.literal("block_actions"),
    user: z.object({ id: slackUserId }).loose(),
    trigger_id: z.string().min(1).max(300).optional(),
    container: z
      .object({ channel_id: slackChannelId.optional(), message_ts: slackMessageTs.optional() })
      .loose()
      .optional(),
    channel: z.object({ id: slackChannelId }).loose().optional(),
    message: z
      .object({ ts: slackMessageTs, blocks: z.array(z.unknown()).optional() })
      .loose()
      .optional(),
    actions: z
      .array(
        z
          .object({
            action_id: z.string().max(255),
            value: z.string().max(2000).optional(),
            selected_option: z
              .object({ value: z.string().max(150) })
              .loose()
              .nullish(),
          })
          .loose(),
      )
      .min(1),
  })
  .loose();

/** A validated block_actions payload. */
export type BlockActions = z.infer<typeof blockActionsSchema>;

/** The parts of a view_submission payload Cohesion reads. */
export const viewSubmissionSchema = z
  .object({
    type: z.literal("view_submission"),
    user: z.object({ id: slackUserId }).loose(),
    view: z
      .object({ private_metadata: z.string().max(3000), state: z.object({ values: z.unknown() }).loose() })
      .loose(),
  })
  .loose();

/** The parts of a slash command payload Cohesion reads. */
export const slashCommandSchema = z
  .object({
    text: z.string().max(4000),
    user_id: slackUserId,
    channel_id: slackChannelId,
  })
  .loose();

/** The parts of an app_home_opened event Cohesion reads. */
export const homeOpenedSchema = z
  .object({ type: z.literal("app_home_opened"), user: slackUserId, tab: z.string().optional() })
  .loose();

/** A person's own new message in their direct messages with Cohesion (edits, deletes and bots' posts carry a subtype or bot id). */
export const directMessageSchema = z
  .object({
    type: z.literal("message"),
    channel_type: z.literal("im"),
    channel: z.string().regex(/^D[A-Z0-9]{1,30}$/, "expected a direct message id"),
    user: slackUserId,
    text: z.string().max(memberTextLimit),
  })
  .loose();

// Subtypes that carry a person's new words: a plain message, one sent with a file, a thread reply also sent to the
// chat, and a /me message.
const wordsSubtypes = new Set<unknown>([undefined, "file_share", "thread_broadcast", "me_message"]);

/**
 * The part of a message event that holds a person's words, to read with directMessageSchema: the event itself
 * for a new message, or the edited message with its new text; undefined for deletions, bots' posts (Cohesion's
 * own updates included), edits that did not change the words, and other subtypes.
 */
export function personsWords(event: unknown): unknown {
  const fields = (event ?? {}) as Record<string, unknown>;
  if (fields["bot_id"] !== undefined) return undefined;
  if (wordsSubtypes.has(fields["subtype"])) return event;
  if (fields["subtype"] !== "message_changed") return undefined;
  const edited = (fields["message"] ?? {}) as Record<string, unknown>;
  const before = (fields["previous_message"] ?? {}) as Record<string, unknown>;
  if (edited["bot_id"] !== undefined || !wordsSubtypes.has(edited["subtype"])) return undefined;
  if (edited["text"] === before["text"]) return undefined;
  return { ...edited, type: "message", channel: fields["channel"], channel_type: fields["channel_type"] };
}

/** An echoed button of one of our messages: its label and value. */
export const echoedButtonSchema = z
  .object({
    type: z.literal("button"),
    text: z.object({ text: z.string().max(75) }).loose(),
    value: z.string().max(2000),
  })
  .loose();
