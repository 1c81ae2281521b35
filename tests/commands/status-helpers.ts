/** Shared setup for the status command tests: the people, the group's name, and what a reply shows. */
import { localPart, type Address } from "../../src/kernel/address.js";
import type { Message } from "../../src/kernel/message.js";
import type { GroupState } from "../../src/core/state.js";
import { messageText } from "../support/flows.js";
import type { World } from "../support/world.js";
import { withoutChain } from "../support/audit-entries.js";

export const okafor = "console:okafor";
export const sam = "console:sam";
export const lindqvist = "console:lindqvist";
export const ana = "console:ana";
export const ben = "console:ben";
export const group = "Chronic pain skills, Tuesday evening";

/** Everything a reply shows, a line about a member starting with their name as the console shows it. */
export function shown(message: Message): string {
  return message.blocks
    .map((block) =>
      block.type === "mention"
        ? `${localPart(block.address)} ${block.text}`
        : messageText({ ...message, blocks: [block] }),
    )
    .join("\n");
}

/** Runs a command as `from` (optionally in `channel`) and returns what its reply shows. */
export async function say(world: World, from: string, text: string, channel?: string): Promise<string> {
  const outcome = await world.interactions.handle({ type: "command", from, text, ...(channel ? { channel } : {}) });
  if (!("reply" in outcome)) throw new Error(`expected a reply, got ${JSON.stringify(outcome)}`);
  return shown(outcome.reply);
}

/** The group's stored statuses and audit log. */
export async function stored(
  world: World,
): Promise<Pick<GroupState, "memberStatus"> & { audit: ReturnType<typeof withoutChain> }> {
  const state = await world.store.readGroup("pain-tue");
  return { memberStatus: state.memberStatus, audit: withoutChain(state.audit) };
}

/** The texts sent to `to` after the first `skip` messages. */
export function sentSince(world: World, to: Address, skip: number): string[] {
  return world.messenger.textsTo(to).slice(skip);
}
