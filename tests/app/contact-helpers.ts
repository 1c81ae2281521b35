/** The demo group after session 1's check-in, and a member's way through "Hard going" and the offer of contact. */
import type { Outcome } from "../../src/app/outcome.js";
import type { Message } from "../../src/kernel/message.js";
import { exampleConfig } from "../support/example-setup.js";
import { at, buttonsOf, groupId, members, sweepAt } from "../support/outbox-helpers.js";
import { makeWorld, type World } from "../support/world.js";

/** Two members of the demo group. */
export const [ana = members[0]!, ben = members[1]!] = members;

/** The demo group after session 1's check-in, with the organisation's distress rules as given. */
export async function afterSessionOne(
  distress?: { item: string; atOrAbove?: number; atOrBelow?: number }[],
): Promise<World> {
  const config = exampleConfig((c) => ({
    organisation: distress
      ? { ...c.organisation, analytics: { ...c.organisation.analytics, distress } }
      : c.organisation,
    groups: c.groups.filter((g) => g.id === groupId),
  }));
  const world = makeWorld({ now: at.beforeEverything, config });
  for (const instant of [at.beforeEverything, at.orientationDue, at.reminder1Due, at.checkin1Due])
    await sweepAt(world, instant);
  world.messenger.sent.length = 0;
  return world;
}

/** The reply an outcome carries. */
export function replyOf(outcome: Outcome): Message {
  if (!("reply" in outcome)) throw new Error("expected a reply");
  return outcome.reply;
}

/** The prompt id of the session 1 check-in `member` was sent (the messages sent are cleared for each test). */
export async function checkinOf(world: World, member: string): Promise<string> {
  const prompts = Object.entries((await world.store.readGroup(groupId)).prompts);
  const found = prompts.find(([, p]) => p.kind === "checkin" && p.recipient === member);
  if (!found) throw new Error(`no check-in was sent to ${member}`);
  return found[0];
}

/** `member` rates session 1 "Hard going". */
export async function hardGoing(world: World, member = ana): Promise<Outcome> {
  const promptId = await checkinOf(world, member);
  return world.interactions.handle({ type: "choice", from: member, promptId, itemId: "pulse-1", value: 1 });
}

/** `member` answers the offer of contact after "Hard going". */
export async function answerOffer(world: World, action: "contact-yes" | "contact-no", member = ana): Promise<Outcome> {
  const button = buttonsOf(replyOf(await hardGoing(world, member))).find((b) => b.action === action);
  if (!button) throw new Error(`no ${action} button`);
  return world.interactions.handle({ type: "button", from: member, promptId: button.promptId, action });
}
