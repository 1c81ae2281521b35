import { couldNotRead } from "../../../views/member/replies.js";
import { z } from "zod";
import type { Cohesion } from "../../../app/cohesion.js";
import type { Outcome } from "../../../app/outcome.js";
import type { Logger } from "../../../kernel/ports.js";
import { textMessage, type Message } from "../../../kernel/message.js";
import { activitySchema, isPersonal, type InboundActivity } from "./activity.js";
import { channelAddress, senderAddress } from "../addresses.js";
import { cardActionEvent, typedText } from "./card-events.js";
import type { ReferenceBook } from "../deliver/conversation-references.js";
import type { FileConsent } from "../deliver/file-consent.js";
import { cardActivity, type Destination, type Outbound } from "../deliver/outbound.js";
import { mentionWords } from "./mentions.js";
import { createRecentActivities } from "./recent-activities.js";
import type { RememberedActivities } from "./remembered-activities.js";
import { rememberConversation } from "./remember-conversation.js";
import { renderForm, renderMessage } from "../render/message.js";
import { plainText } from "../render/text.js";
import { fileNote, type createTeamsMessenger } from "../deliver/messenger.js";

/** The HTTP answer to an invoke activity. */
export interface InvokeResponse {
  status: number;
  body?: unknown;
}

/** What handling Teams' activities needs. */
export interface TurnDependencies {
  readonly bot: Cohesion;
  readonly book: ReferenceBook;
  readonly outbound: Outbound;
  readonly messenger: ReturnType<typeof createTeamsMessenger>;
  readonly fileConsent: FileConsent;
  readonly logger: Logger;
  /** Activities handled before, kept in the store, so one sent again after a restart acts once. */
  readonly remembered: RememberedActivities;
}

const executeSchema = z.object({ action: z.object({ type: z.literal("Action.Execute"), data: z.unknown() }) });
const unknownSender = textMessage("Sorry, I couldn't tell who sent that, so nothing was saved.");

function destinationOf(activity: InboundActivity): Destination {
  return { serviceUrl: activity.serviceUrl, conversationId: activity.conversation.id, botId: activity.recipient.id };
}

function cardResponse(card: Record<string, unknown>): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card } };
}

/** Turns every Teams activity into neutral events for the core, and the core's outcomes into cards. */
export function createTurnHandler(deps: TurnDependencies) {
  const { bot, book, outbound, messenger, fileConsent, logger } = deps;
  const recent = createRecentActivities<InvokeResponse | undefined>(deps.remembered, { status: 200, body: {} });

  function reply(activity: InboundActivity, message: Message): Promise<string | undefined> {
    return messenger.deliver(destinationOf(activity), isPersonal(activity), senderAddress(activity), message);
  }

  async function outcomeOfCard(activity: InboundActivity, submitted: unknown): Promise<Outcome> {
    const from = senderAddress(activity);
    if (!from) return { reply: unknownSender };
    const result = cardActionEvent(submitted, from, channelAddress(activity));
    return "event" in result ? bot.interactions.handle(result.event) : result;
  }

  /** Action.Execute: the answer comes back in the invoke response, replacing the card when it was stored. */
  async function onExecute(activity: InboundActivity): Promise<InvokeResponse> {
    const parsed = executeSchema.safeParse(activity.value);
    const outcome = parsed.success ? await outcomeOfCard(activity, parsed.data.action.data) : { reply: couldNotRead };
    if ("silent" in outcome) return { status: 200, body: {} };
    if ("form" in outcome) return cardResponse(renderForm(outcome.form).card);
    if (outcome.replacesPrompt)
      return cardResponse(renderMessage(outcome.reply, { names: new Map(), fileNote: fileNote(false) }).card);
    return {
      status: 200,
      body: {
        statusCode: 200,
        type: "application/vnd.microsoft.activity.message",
        value: plainText(outcome.reply.text),
      },
    };
  }

  /** Action.Submit (clients without Universal Actions): the answered card is updated in place, else a reply is posted. */
  async function onSubmit(activity: InboundActivity): Promise<void> {
    const outcome = await outcomeOfCard(activity, activity.value);
    if ("silent" in outcome) return;
    const replacement =
      "form" in outcome
        ? renderForm(outcome.form)
        : outcome.replacesPrompt
          ? renderMessage(outcome.reply, { names: new Map(), fileNote: fileNote(false) })
          : undefined;
    if (replacement && activity.replyToId) {
      const replaced = await outbound
        .update(destinationOf(activity), activity.replyToId, cardActivity(replacement, activity.recipient.id))
        .then(
          () => true,
          () => false,
        );
      if (replaced) return;
    }
    if ("form" in outcome)
      await outbound.post(destinationOf(activity), cardActivity(renderForm(outcome.form), activity.recipient.id));
    else await reply(activity, outcome.reply);
  }

  /** A message typed to Cohesion: in personal chat, words for the core to read (a command or free text); elsewhere, an @mention's command. People @mentioned reach the core as their addresses. */
  async function onMessage(activity: InboundActivity): Promise<void> {
    const from = senderAddress(activity);
    if (!from) return void (await reply(activity, unknownSender));
    const channel = channelAddress(activity);
    const text = typedText(activity.text, await mentionWords(activity, book));
    const event =
      isPersonal(activity) && text !== ""
        ? { type: "text", from, text }
        : { type: "command", from, ...(channel ? { channel } : {}), text };
    const outcome = await bot.interactions.handle(event);
    if ("silent" in outcome) return;
    if ("form" in outcome)
      await outbound.post(destinationOf(activity), cardActivity(renderForm(outcome.form), activity.recipient.id));
    else await reply(activity, outcome.reply);
  }

  async function onFileConsent(activity: InboundActivity): Promise<InvokeResponse> {
    const answer = await fileConsent.handle(activity.value, senderAddress(activity), destinationOf(activity));
    if (answer) await reply(activity, answer);
    return { status: 200 };
  }

  async function handleActivity(activity: InboundActivity): Promise<InvokeResponse | undefined> {
    await rememberConversation(book, activity, bot.ctx);
    if (activity.type === "message")
      return activity.value !== undefined ? void (await onSubmit(activity)) : void (await onMessage(activity));
    if (activity.type !== "invoke") return undefined;
    if (activity.name === "adaptiveCard/action") return onExecute(activity);
    if (activity.name === "fileConsent/invoke") return onFileConsent(activity);
    return { status: 200, body: {} };
  }

  /** Handles one activity and resolves with the answer to an invoke; never throws, so Teams never sees a stack trace and re-sent activities act once. */
  return async function onTurn(received: unknown): Promise<InvokeResponse | undefined> {
    const parsed = activitySchema.safeParse(received);
    const invoke = (received as { type?: unknown } | undefined)?.type === "invoke";
    if (!parsed.success) {
      logger.warn({ code: "teams-activity-invalid", issues: parsed.error.issues.length }, "Teams activity ignored");
      return invoke ? { status: 400 } : undefined;
    }
    const activity = parsed.data;
    if (activity.from.id === activity.recipient.id) return undefined;
    const key = activity.id === undefined ? undefined : `${activity.conversation.id}|${activity.id}`;
    const response = await recent.once(key, () =>
      handleActivity(activity).catch((error: unknown) => {
        logger.error(
          {
            code: "teams-turn-failed",
            kind: activity.type,
            error: (error as Error).name,
            delivery: (error as { code?: unknown }).code,
          },
          "Teams activity failed",
        );
        return invoke
          ? {
              status: 200,
              body: {
                statusCode: 200,
                type: "application/vnd.microsoft.activity.message",
                value: "Sorry, something went wrong on our side. Please try again later.",
              },
            }
          : undefined;
      }),
    );
    return invoke ? response : undefined;
  };
}
