import type { App } from "@slack/bolt";
import { toAddress } from "../../../kernel/address.js";
import { directMessageSchema, personsWords, slackMessageTs } from "./payloads.js";
import { plainTextOf } from "../render/text.js";
import { logFailure, type ListenerDeps } from "./listener-deps.js";

// A reply inside a thread names the thread's first message; a message at the top of the chat names none.
// A thread Cohesion cannot read costs only the threading: the words still reach Cohesion, answered at the top.
const inThreadSchema = directMessageSchema.extend({ thread_ts: slackMessageTs.optional().catch(undefined) });

async function answerDirectMessage(deps: ListenerDeps, raw: unknown): Promise<void> {
  const words = personsWords(raw);
  if (words === undefined) return;
  const parsed = inThreadSchema.safeParse(words);
  if (!parsed.success) {
    deps.logger.warn({ listener: "direct-message", issues: parsed.error.issues.length }, "Slack payload rejected");
    return;
  }
  const { user, channel, thread_ts: thread } = parsed.data;
  const text = plainTextOf(parsed.data.text);
  if (text === "") return;
  const from = toAddress(`slack:${user}`);
  const outcome = await deps.bot.interactions.handle({ type: "text", from, text });
  if ("silent" in outcome) return;
  if ("form" in outcome) await deps.messenger.openForm(from, outcome.form);
  else if (thread) await deps.messenger.replyInThread(channel, thread, outcome.reply);
  else await deps.messenger.send(toAddress(`slack:${channel}`), outcome.reply);
}

// Every way a person's words arrive counts (new messages, /me messages, messages with a file, thread replies, and
// edits that change the words): checked for risk first, a command when it starts with a command's name, else passed
// to the member's leads.
/** Registers what a person writes to Cohesion in their direct messages; the reply goes there, in their thread if any. */
export function registerDirectMessage(app: App, deps: ListenerDeps): void {
  app.event("message", async ({ event }) => {
    await answerDirectMessage(deps, event).catch((error: unknown) => logFailure(deps, "direct-message", error));
  });
}
