/** Shared setup for the export command tests: pain-tue through two sessions, and reading the file a reply carries. */
import type { FileBlock, Message } from "../../src/kernel/message.js";
import { bySubscale, painTue, putForm, putRsvp, putSession1Answers } from "../support/flows.js";
import { at, members, painTueWorld, sweepAt } from "../support/outbox-helpers.js";
import type { World } from "../support/world.js";

export const okafor = "console:okafor";
export const lindqvist = "console:lindqvist";
export const [ana = "", ben = "", carla = "", , , femi = ""] = members;

/**
 * pain-tue through two sessions, 8 check-ins sent for each:
 * session 1: five full forms and pulses (session1Forms), ana said she'd come and femi that he couldn't;
 * session 2: only ana, ben and carla sent forms (below the floor of 5), nobody tapped the pulse.
 */
export async function twoSessions(world: World = painTueWorld()): Promise<World> {
  await sweepAt(world, at.checkin1Due);
  await world.store.updateGroup("pain-tue", (state) => {
    putSession1Answers(state, at.checkin1Due);
    putRsvp(state, ana, 1, "yes", at.reminder1Due);
    putRsvp(state, femi, 1, "no", at.reminder1Due);
  });
  await sweepAt(world, painTue.checkin2);
  await world.store.updateGroup("pain-tue", (state) => {
    for (const member of [ana, ben, carla]) putForm(state, member, 2, bySubscale(3, 3, 3), painTue.checkin2);
  });
  world.clock.set(painTue.closes2);
  return world;
}

export async function exportAs(world: World, from: string, text: string, channel?: string): Promise<Message> {
  const outcome = await world.interactions.handle({ type: "command", from, text, ...(channel ? { channel } : {}) });
  if (!("reply" in outcome)) throw new Error("expected a reply");
  return outcome.reply;
}

export function fileOf(message: Message): FileBlock {
  const file = message.blocks.find((block): block is FileBlock => block.type === "file");
  if (!file) throw new Error(`expected a file, got "${message.text}"`);
  return file;
}

export function lines(file: FileBlock): string[] {
  return new TextDecoder()
    .decode(file.data)
    .split("\r\n")
    .filter((line) => line !== "");
}
