import { randomBytes } from "node:crypto";
import { crisisReply } from "../views/member/crisis-reply.js";
import { raiseDistressAlerts, checkFreeText, actOnAlert } from "../core/alerts/index.js";
import type { Address } from "../kernel/address.js";
import {
  recordAnswers,
  type RaiseOnAnswers,
  type Recorded,
  assertCheckinOpen,
  recordRsvp,
} from "../core/answers/index.js";
import { checkinForm } from "../views/member/checkin.js";
import { couldNotRead, ourFault, replies } from "../views/member/replies.js";
import { alertActedMessage } from "../views/leads/alert-message.js";
import { climateInstrument, type CoreContext } from "../core/context.js";
import { UserError } from "../kernel/errors.js";
import { inboundEventSchema } from "../kernel/events.js";
import { textMessage, type Form, type Message } from "../kernel/message.js";
import type { CommandRouter } from "./command-router.js";

/**
 * What a platform shows in answer to an interaction: a reply, or a form to open. When the reply
 * `replacesPrompt`, the answer is stored and the platform shows the reply in place of the message
 * that was answered (so nobody answers twice by accident); otherwise it is shown beside it.
 */
export type Outcome = { readonly reply: Message; readonly replacesPrompt?: boolean } | { readonly form: Form };

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
  // An alert that must reach the leads at once goes through the outbox now, not at the next wake-up.
  async function alertLeadsNow(kind: string, count: number): Promise<void> {
    ctx.logger.info({ kind, alerts: count }, "alert raised");
    try {
      await options.deliverNow?.();
    } catch (error) {
      ctx.logger.error(
        { kind, error: (error as Error).name },
        "immediate alert delivery failed; the next sweep retries",
      );
    }
  }

  const raiseDistress: RaiseOnAnswers = (state, recorded) =>
    raiseDistressAlerts(state, ctx.organisation.analytics.distress, recorded);

  async function answered(recorded: Recorded, thanks: string): Promise<Outcome> {
    if (recorded.distressAlerts.length === 0) return { reply: textMessage(thanks), replacesPrompt: true };
    await alertLeadsNow("distress", recorded.distressAlerts.length);
    return { reply: crisisReply(ctx.organisation.analytics.crisisResources, replies.distress), replacesPrompt: true };
  }

  /** Free text (or a command) from a member that suggests risk: the leads hear at once, the member sees where to get help. */
  async function riskOutcome(from: Address, text: string): Promise<Outcome | undefined> {
    const raised = await checkFreeText(ctx, from, text);
    if (raised.length === 0) return undefined;
    await alertLeadsNow("risk-text", raised.length);
    return { reply: crisisReply(ctx.organisation.analytics.crisisResources, replies.risk) };
  }

  async function apply(raw: unknown): Promise<Outcome> {
    const parsed = inboundEventSchema.safeParse(raw);
    if (!parsed.success) {
      ctx.logger.warn({ issues: parsed.error.issues.map((issue) => issue.path.join(".")) }, "inbound event rejected");
      return { reply: couldNotRead };
    }
    const event = parsed.data;
    switch (event.type) {
      case "command":
        return (
          (await riskOutcome(event.from, event.text)) ?? {
            reply: await router.run(ctx, event.from, event.channel, event.text),
          }
        );
      case "text":
        return (
          (await riskOutcome(event.from, event.text)) ??
          // A direct message may be a command typed without a slash ("pause"), or words for the leads.
          (router.startsWithCommand(event.text)
            ? { reply: await router.run(ctx, event.from, undefined, event.text) }
            : { reply: textMessage(replies.text) })
        );
      case "choice":
        return answered(
          await recordAnswers(ctx, event.from, event.promptId, new Map([[event.itemId, event.value]]), raiseDistress),
          replies.pulse,
        );
      case "form":
        return answered(
          await recordAnswers(ctx, event.from, event.promptId, new Map(Object.entries(event.answers)), raiseDistress),
          replies.form,
        );
      case "button":
        if (event.action === "open-form") {
          await assertCheckinOpen(ctx, event.from, event.promptId);
          return { form: checkinForm(ctx, event.promptId) };
        }
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
    try {
      return await apply(raw);
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
