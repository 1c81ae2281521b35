import { randomBytes } from "node:crypto";
import { recordAnswers } from "../core/answers.js";
import { requestCheckinForm } from "../core/checkin-form-request.js";
import type { CoreContext } from "../core/context.js";
import { UserError } from "../core/errors.js";
import { inboundEventSchema } from "../core/events.js";
import { textMessage, type Form, type Message } from "../core/message.js";
import { recordRsvp } from "../core/rsvp.js";
import type { CommandRouter } from "./command-router.js";

/**
 * What a platform shows in answer to an interaction: a reply, or a form to open. When the reply
 * `replacesPrompt`, the answer is stored and the platform shows the reply in place of the message
 * that was answered (so nobody answers twice by accident); otherwise it is shown beside it.
 */
export type Outcome = { readonly reply: Message; readonly replacesPrompt?: boolean } | { readonly form: Form };

const replies = {
  pulse: "Thank you, that's saved. Take good care until next time.",
  form: "Thank you for taking the time. Your answers are saved and go only to your group leaders.",
  yes: "Lovely, thank you. See you there.",
  no: "Thanks for letting us know. You'll be missed; take care of yourself.",
} as const;

/**
 * Handles any inbound interaction from any platform: validates it, changes state durably,
 * then says what to show. Mistakes get a kind reply and change nothing; our own faults are
 * logged with a reference the person can quote, never a stack trace.
 */
export function createInteractionHandler(ctx: CoreContext, router: CommandRouter) {
  async function apply(raw: unknown): Promise<Outcome> {
    const parsed = inboundEventSchema.safeParse(raw);
    if (!parsed.success) {
      ctx.logger.warn({ issues: parsed.error.issues.map((issue) => issue.path.join(".")) }, "inbound event rejected");
      return { reply: textMessage("Sorry, I couldn't read that, so nothing was saved. Please try again.") };
    }
    const event = parsed.data;
    switch (event.type) {
      case "command":
        return { reply: await router.run(ctx, event.from, event.channel, event.text) };
      case "choice":
        await recordAnswers(ctx, event.from, event.promptId, new Map([[event.itemId, event.value]]));
        return { reply: textMessage(replies.pulse), replacesPrompt: true };
      case "form":
        await recordAnswers(ctx, event.from, event.promptId, new Map(Object.entries(event.answers)));
        return { reply: textMessage(replies.form), replacesPrompt: true };
      case "button":
        if (event.action === "open-form") return { form: await requestCheckinForm(ctx, event.from, event.promptId) };
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
      return { reply: textMessage(`Sorry, something went wrong on our side (reference ${reference}). Please try again later.`) };
    }
  }

  return { handle };
}

/** The handler created by createInteractionHandler. */
export type InteractionHandler = ReturnType<typeof createInteractionHandler>;
