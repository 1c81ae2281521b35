import { isLeadOrCareTeam } from "../core/groups/index.js";
import type { Address } from "../kernel/address.js";
import type { CommandDefinition, Invocation } from "../core/command.js";
import type { CoreContext } from "../core/context.js";
import { UserError } from "../kernel/errors.js";
import type { Message } from "../kernel/message.js";

function checkAccess(ctx: CoreContext, command: CommandDefinition, from: Address, channel: Address | undefined): void {
  if (command.access === "members" && !ctx.groups.some((group) => group.members.includes(from)))
    throw new UserError(
      "not-allowed",
      `\`${command.usage}\` is for group members. Try \`help\` to see what you can ask.`,
    );
  if (command.access === "leads-and-care-team" && !isLeadOrCareTeam(ctx, from, channel))
    throw new UserError(
      "not-allowed",
      "That is for the group's leads and care team, so I can't share it here. If you'd like to talk about how the group is going, your leads will be glad to.",
    );
}

/** Routes command text to the registered commands, which may send messages with `send`; a duplicate name fails here, at start-up. */
export function createCommandRouter(commands: readonly CommandDefinition[], send: Invocation["send"]) {
  const byName = new Map(commands.map((command) => [command.name, command]));
  if (byName.size !== commands.length) throw new Error("two commands share a name");

  /** Runs `text` (e.g. "summary pain-tue") for `from`; throws UserError for anything the person should fix. */
  async function run(ctx: CoreContext, from: Address, channel: Address | undefined, text: string): Promise<Message> {
    const [name = "help", ...words] = text
      .trim()
      .split(/\s+/)
      .filter((word) => word.length > 0);
    const command = byName.get(name.toLowerCase());
    if (!command)
      throw new UserError(
        "unknown-command",
        `I don't know "${name.slice(0, 40)}". Try \`help\` to see what you can ask.`,
      );
    checkAccess(ctx, command, from, channel);
    const args = command.args.safeParse(words);
    if (!args.success) {
      const reason = args.error.issues[0]?.message ?? "unexpected arguments";
      throw new UserError("bad-arguments", `${reason}. Usage: \`${command.usage}\``);
    }
    return command.run({ ctx, from, channel, commands, send }, args.data);
  }

  /** Whether typed text starts with a command's name ("summary pain-tue" does; "I feel low today" does not). */
  function startsWithCommand(text: string): boolean {
    const first = text.trim().split(/\s+/)[0] ?? "";
    return byName.has(first.toLowerCase());
  }

  return { run, startsWithCommand };
}

/** The router created by createCommandRouter. */
export type CommandRouter = ReturnType<typeof createCommandRouter>;
