import type { App, RespondArguments } from "@slack/bolt";
import { textMessage, type Message } from "../../../kernel/message.js";
import { slashCommandSchema } from "./payloads.js";
import { renderSingle } from "../render/message.js";
import { logFailure, type ListenerDeps } from "./listener-deps.js";

/** The slash command Cohesion answers; its subcommands are the commands in commands/. */
export const slashCommand = "/cohesion";

const stillWorking = "One moment, I'm working on it…";

function ephemeral(message: Message, note?: string): RespondArguments {
  const withNote = note
    ? { ...message, blocks: [...message.blocks, { type: "context" as const, text: note }] }
    : message;
  const rendered = renderSingle(withNote);
  return { response_type: "ephemeral", text: rendered.text, blocks: rendered.blocks };
}

function filesNote(message: Message): string | undefined {
  const titles = message.blocks.flatMap((block) =>
    block.type === "file" || block.type === "image" ? [block.type === "file" ? block.title : "the chart"] : [],
  );
  return titles.length > 0 ? `I've sent ${titles.join(" and ")} to your direct messages.` : undefined;
}

/**
 * Registers `/cohesion <command>`: the reply is ephemeral (only the person who asked sees it), sent as
 * Slack's acknowledgement when ready in time, else through the command's response URL. Files and
 * charts go to the person's direct messages.
 */
export function registerSlashCommand(app: App, deps: ListenerDeps): void {
  app.command(slashCommand, async ({ ack, body, respond }) => {
    const parsed = slashCommandSchema.safeParse(body);
    if (!parsed.success) {
      await ack(ephemeral(textMessage("Sorry, I couldn't read that command. Try `/cohesion help`.")));
      return;
    }
    const { user_id: user, channel_id: channel, text } = parsed.data;
    const work = deps.bot.interactions.handle({
      type: "command",
      from: `slack:${user}`,
      channel: `slack:${channel}`,
      text: text.trim(),
    });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<undefined>(
      (resolve) => (timer = setTimeout(() => resolve(undefined), deps.commandAckMs)),
    );
    const early = await Promise.race([work, deadline]);
    clearTimeout(timer);
    const late = early === undefined;
    if (late) await ack(ephemeral(textMessage(stillWorking)));
    const outcome = early ?? (await work);
    if ("silent" in outcome) {
      // Nothing at all for this person: the "one moment" shown already is taken away again.
      await (late ? respond({ delete_original: true }) : ack()).catch((error: unknown) =>
        logFailure(deps, "slash-command", error),
      );
      return;
    }
    const reply =
      "reply" in outcome ? outcome.reply : textMessage("Please use the button in your check-in message for that.");
    const note = filesNote(reply);
    try {
      if (late) await respond({ ...ephemeral(reply, note), replace_original: true });
      else await ack(ephemeral(reply, note));
      const uploads = renderSingle(reply).uploads;
      if (uploads.length > 0) await deps.messenger.shareWithPerson(user, uploads);
    } catch (error) {
      logFailure(deps, "slash-command", error);
    }
  });
}
