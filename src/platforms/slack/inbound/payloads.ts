import { z } from "zod";

/** A Slack user id (U… or, on Enterprise Grid, W…). */
export const slackUserId = z.string().regex(/^[UW][A-Z0-9]{1,30}$/, "expected a Slack user id");

/** A Slack conversation id: a channel (C…), a private channel (G…) or a direct message (D…). */
export const slackChannelId = z.string().regex(/^[CGD][A-Z0-9]{1,30}$/, "expected a Slack conversation id");

const messageTs = z.string().regex(/^\d{1,12}\.\d{1,8}$/);

/** The parts of a block_actions payload Cohesion reads: who clicked what, where. */
export const blockActionsSchema = z
  .object({
    type: z.literal("block_actions"),
    user: z.object({ id: slackUserId }).loose(),
    trigger_id: z.string().min(1).max(300).optional(),
    container: z.object({ channel_id: slackChannelId.optional(), message_ts: messageTs.optional() }).loose().optional(),
    channel: z.object({ id: slackChannelId }).loose().optional(),
    message: z
      .object({ ts: messageTs, blocks: z.array(z.unknown()).optional() })
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
    text: z.string().max(40_000),
  })
  .loose();

/** Whether a message event is a person's new message, not a bot's post, an edit, a delete, a file share or another subtype. */
export function isPersonsNewMessage(event: unknown): boolean {
  const fields = (event ?? {}) as { subtype?: unknown; bot_id?: unknown };
  return fields.subtype === undefined && fields.bot_id === undefined;
}

/** An echoed button of one of our messages: its label and value. */
export const echoedButtonSchema = z
  .object({
    type: z.literal("button"),
    text: z.object({ text: z.string().max(75) }).loose(),
    value: z.string().max(2000),
  })
  .loose();
