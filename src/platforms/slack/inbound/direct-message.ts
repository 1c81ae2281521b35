import type { App } from "@slack/bolt";
import { toAddress } from "../../../kernel/address.js";
import { directMessageSchema, personsWords } from "./payloads.js";
import { plainTextOf } from "../render/text.js";
import { logFailure, type ListenerDeps } from "./listener-deps.js";

async function answerDirectMessage(deps: ListenerDeps, raw: unknown): Promise<void> {
  const words = personsWords(raw);
  if (words === undefined) return;
  const parsed = directMessageSchema.safeParse(words);
  if (!parsed.success) {
    deps.logger.warn({ listener: "direct-message", issues: parsed.error.issues.length }, "Slack payload rejected");
    return;
  }
  const { user, channel } = parsed.data;
  const text = plainTextOf(parsed.data.text);
  if (text === "") return;
  const from = toAddress(`slack:${user}`);
  const outcome = await deps.bot.interactions.handle({ type: "text", from, text });
  if ("silent" in outcome) return;
  if ("form" in outcome) await deps.messenger.openForm(from, outcome.form);
  else await deps.messenger.send(toAddress(`slack:${channel}`), outcome.reply);
}

/**
 * Registers what a person writes to Cohesion in their direct messages (new messages, messages with a file,
 * thread replies, and edits that change the words): checked for risk first, a command when it starts with a
 * command's name, else passed to the member's leads. The reply goes to that direct message.
 */
export function registerDirectMessage(app: App, deps: ListenerDeps): void {
  app.event("message", async ({ event }) => {
    await answerDirectMessage(deps, event).catch((error: unknown) => logFailure(deps, "direct-message", error));
  });
}
