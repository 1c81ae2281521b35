import { randomBytes } from "node:crypto";
import { crisisReply } from "../views/member/crisis-reply.js";
import { raiseDistressAlerts, actOnAlert } from "../core/alerts/index.js";
import { recordAnswers, type RaiseOnAnswers, type Recorded, recordRsvp } from "../core/answers/index.js";
import { couldNotRead, ourFault, replies } from "../views/member/replies.js";
import { alertActedMessage } from "../views/leads/alert-message.js";
import { climateInstrument, type CoreContext } from "../core/context.js";
import { UserError } from "../kernel/errors.js";
import { inboundEventSchema, type InboundEvent } from "../kernel/events.js";
import { textMessage, type Message } from "../kernel/message.js";
import type { Outcome } from "./outcome.js";
import type { CommandRouter } from "./command-router.js";
import { createWordsHandler, type ReachLeadsNow } from "./member-words.js";
import { createMemberButtons, isMemberButton } from "./member-buttons.js";
import { isErasureButton, pressErasureButton } from "./erasure-buttons.js";
import { createMemberForms } from "./member-forms.js";
import { withMemberSituation } from "./member-situation.js";

/** What the interaction handler needs besides the core: a way to send alerts at once (an outbox sweep). */
export interface InteractionOptions {
  readonly deliverNow?: () => Promise<unknown>;
}

/**
 * Handles any inbound interaction from any platform: validates it, changes state durably,
 * then says what to show. Mistakes get a kind reply and change nothing; our own faults are
 * logged with a reference the person can quote, never a stack trace.
 */
export function createInteractionHandler(ctx: CoreContext, router: CommandRouter, options: InteractionOptions = {}) {
  // What must reach the leads at once goes through the outbox now, not at the next wake-up.
  const reachLeadsNow: ReachLeadsNow = async (kind, count) => {
    ctx.logger.info({ kind, count }, kind === "member-message" ? "member message for the leads" : "alert raised");
    try {
      await options.deliverNow?.();
    } catch (error) {
      ctx.logger.error(
        { kind, error: (error as Error).name },
        "immediate delivery to the leads failed; the next sweep retries",
      );
    }
  };

  const words = createWordsHandler(ctx, router, reachLeadsNow);
  const memberButtons = createMemberButtons(ctx, reachLeadsNow);
  const memberForms = createMemberForms(ctx, reachLeadsNow);

  const raiseDistress: RaiseOnAnswers = (state, recorded) =>
    raiseDistressAlerts(state, ctx.organisation.analytics.distress, recorded);

  async function answered(recorded: Recorded, thanks: Message): Promise<Outcome> {
    if (recorded.distressAlerts.length === 0) return { reply: thanks, replacesPrompt: true };
    await reachLeadsNow("distress", recorded.distressAlerts.length);
    return { reply: crisisReply(ctx.organisation.analytics.crisisResources, replies.distress), replacesPrompt: true };
  }

  async function apply(event: InboundEvent): Promise<Outcome> {
    switch (event.type) {
      case "command":
        return words.command(event.from, event.channel, event.text);
      case "text":
        return words.words(event.from, event.text);
      case "choice": {
        const answers = new Map([[event.itemId, event.value]]);
        return answered(
          await recordAnswers(ctx, event.from, event.promptId, answers, raiseDistress),
          memberButtons.thanks(event.promptId, answers, replies.pulse),
        );
      }
      case "form": {
        const answers = new Map(Object.entries(event.answers));
        if (await memberForms.isScreening(event.from, event.promptId))
          return memberForms.submitScreening(event.from, event.promptId, answers);
        return answered(
          await recordAnswers(ctx, event.from, event.promptId, answers, raiseDistress),
          memberButtons.thanks(event.promptId, answers, replies.form),
        );
      }
      case "button":
        if (isMemberButton(event.action)) return memberButtons.press(event.from, event.promptId, event.action);
        if (isErasureButton(event.action)) return pressErasureButton(ctx, event.from, event.promptId, event.action);
        if (event.action === "open-form") return { form: await memberForms.open(event.from, event.promptId) };
        if (
          event.action === "alert-acknowledge" ||
          event.action === "alert-discussed" ||
          event.action === "alert-resolve"
        )
          return {
            reply: alertActedMessage(
              await actOnAlert(ctx, event.from, event.channel, event.promptId, event.action),
              climateInstrument(ctx),
            ),
            replacesPrompt: true,
          };
        await recordRsvp(ctx, event.from, event.promptId, event.action === "rsvp-yes" ? "yes" : "no");
        return { reply: textMessage(event.action === "rsvp-yes" ? replies.yes : replies.no), replacesPrompt: true };
    }
  }

  /** The outcome of one interaction, never throwing. */
  async function handle(raw: unknown): Promise<Outcome> {
    const parsed = inboundEventSchema.safeParse(raw);
    if (!parsed.success) {
      ctx.logger.warn({ issues: parsed.error.issues.map((issue) => issue.path.join(".")) }, "inbound event rejected");
      return { reply: couldNotRead };
    }
    try {
      return await withMemberSituation(ctx, parsed.data, apply);
    } catch (error) {
      if (error instanceof UserError) return { reply: textMessage(error.message) };
      const reference = randomBytes(4).toString("hex");
      ctx.logger.error({ reference, error: (error as Error).name }, "interaction failed");
      return {
        reply: ourFault(reference),
      };
    }
  }

  return { handle };
}

/** The handler created by createInteractionHandler. */
export type InteractionHandler = ReturnType<typeof createInteractionHandler>;
