import type { Message } from "../../kernel/message.js";

/** One command as help shows it: how to type it, and what it does. */
export interface HelpEntry {
  readonly usage: string;
  readonly summary: string;
}

/** The reply to `help`: every command with its one-line summary, in the order given. */
export function helpMessage(commands: readonly HelpEntry[]): Message {
  const lines = commands.map((command) => `• \`${command.usage}\`: ${command.summary}`);
  return {
    text: "What you can ask Cohesion",
    blocks: [{ type: "text", text: `*What you can ask Cohesion*\n${lines.join("\n")}` }],
  };
}
