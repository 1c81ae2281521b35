/** Shared setup for the erasure tests: a pain-tue world with session 1 answered and published, and ways to press buttons. */
import type { Outcome } from "../../src/app/outcome.js";
import type { Button, Message } from "../../src/kernel/message.js";
import { groupClimate } from "../../src/core/climate/index.js";
import { verifyAuditChain } from "../../src/core/privacy/index.js";
import { groupById, putRsvp, putSession1Answers, putPulse } from "../support/flows.js";
import { at, painTueWorld } from "../support/outbox-helpers.js";
import type { World } from "../support/world.js";
import { shown } from "./status-helpers.js";

export { ana, ben, okafor, sam } from "./status-helpers.js";

/** Session 2 has started: session 1's answers (5 forms) are published; ana also wrote to her leads and RSVPed. */
export async function answeredWorld(): Promise<World> {
  const world = painTueWorld({ now: "2026-12-08T19:45:00Z" });
  await world.store.updateGroup("pain-tue", (state) => {
    putSession1Answers(state, at.checkin1Due);
    putPulse(state, "console:ana", 2, 2, "2026-12-08T19:44:00Z");
    putRsvp(state, "console:ana", 1, "yes", at.reminder1Due);
    state.joined["console:ana"] = at.beforeEverything;
  });
  await world.interactions.handle({ type: "text", from: "console:ana", text: "Thank you for last week, it helped." });
  return world;
}

/** Runs a command or a press and returns the reply message. */
export function replyOf(outcome: Outcome): Message {
  if (!("reply" in outcome)) throw new Error(`expected a reply, got ${JSON.stringify(outcome)}`);
  return outcome.reply;
}

/** The reply to a typed command as a message. */
export async function ask(world: World, from: string, text: string): Promise<Message> {
  return replyOf(await world.interactions.handle({ type: "command", from, text }));
}

/** The one button a reply carries. */
export function buttonOf(message: Message): Button {
  const button = message.blocks.flatMap((block) => (block.type === "buttons" ? block.buttons : []))[0];
  if (!button) throw new Error("expected a button");
  return button;
}

/** Presses a button as `from` and returns what the reply shows. */
export async function press(world: World, from: string, button: Button): Promise<string> {
  return shown(
    replyOf(
      await world.interactions.handle({ type: "button", from, promptId: button.promptId, action: button.action }),
    ),
  );
}

/** Session 1's published figures as the care team sees them. */
export async function session1Figures(world: World) {
  const state = await world.store.readGroup("pain-tue");
  const climate = groupClimate(world.ctx, groupById(world, "pain-tue"), state, world.clock.now())[0];
  return climate && { ...climate, subscales: Object.fromEntries(climate.subscales) };
}

/** Whether the group's audit chain still verifies. */
export async function chainHolds(world: World): Promise<boolean> {
  const state = await world.store.readGroup("pain-tue");
  return verifyAuditChain("pain-tue", state.audit).ok;
}
