// The few weeks of the demo organisation that the schema-1 data set records: driven through the real core, so the
// documents hold what Cohesion writes, not what a test would guess.
import type { Button, Message } from "../../src/kernel/message.js";
import type { Store } from "../../src/core/store.js";
import type { GroupState } from "../../src/core/state.js";
import { checkinPromptId, gcqAnswers, rsvpPromptId, sweepAt } from "./flows.js";
import { makeWorld, type World } from "./world.js";

/** What each group of the data set holds, counted when it is written. */
export interface RecordCounts {
  answers: number;
  prompts: number;
  outbox: number;
  outboxByStatus: Record<string, number>;
  alerts: number;
  audit: number;
  rsvps: number;
  paused: number;
  joined: number;
  informed: number;
  frozenClimate: number;
  messages: number;
  declinedCheckins: number;
}

/** The counts of one group document. */
export function countsOf(state: Readonly<GroupState>): RecordCounts {
  const outboxByStatus: Record<string, number> = {};
  for (const entry of Object.values(state.outbox))
    outboxByStatus[entry.status] = (outboxByStatus[entry.status] ?? 0) + 1;
  const size = (record: object) => Object.keys(record).length;
  return {
    answers: size(state.answers),
    prompts: size(state.prompts),
    outbox: size(state.outbox),
    outboxByStatus,
    alerts: size(state.alerts),
    audit: state.audit.length,
    rsvps: size(state.rsvps),
    paused: size(state.paused),
    joined: size(state.joined),
    informed: size(state.informed),
    frozenClimate: size(state.frozenClimate),
    messages: size(state.messages),
    declinedCheckins: size(state.declinedCheckins),
  };
}

const buttonsIn = (message: Message): Button[] =>
  message.blocks.flatMap((block) => (block.type === "buttons" ? block.buttons : []));

async function press(world: World, from: string, button: Button, channel?: string): Promise<void> {
  const event = { type: "button", from, promptId: button.promptId, action: button.action };
  await world.interactions.handle(channel ? { ...event, channel } : event);
}

async function say(world: World, from: string, text: string): Promise<void> {
  await world.interactions.handle({ type: "command", from, text });
}

// The latest button with this action sent to `to`.
function lastButton(world: World, to: string, action: string): Button {
  const button = world.messenger.sent
    .filter((sent) => sent.to === to)
    .flatMap((sent) => buttonsIn(sent.message))
    .findLast((each) => each.action === action);
  if (!button) throw new Error(`no ${action} button was sent to ${to}`);
  return button;
}

async function answerCheckin(world: World, member: string, gcq: number[] | undefined, pulse: number): Promise<void> {
  const promptId = checkinPromptId(world, member);
  await world.interactions.handle({ type: "choice", from: member, promptId, itemId: "pulse-1", value: pulse });
  if (gcq) await world.interactions.handle({ type: "form", from: member, promptId, answers: gcqAnswers(gcq) });
}

async function rsvp(world: World, member: string, yes: boolean): Promise<void> {
  const promptId = rsvpPromptId(world, member);
  await world.interactions.handle({ type: "button", from: member, promptId, action: yes ? "rsvp-yes" : "rsvp-no" });
}

const forms: Record<string, number[]> = {
  "console:ana": [5, 4, 2, 6, 3, 1, 0, 3, 2, 0, 4, 1],
  "console:ben": [4, 4, 1, 5, 2, 1, 1, 4, 2, 1, 4, 0],
  "console:dev": [6, 5, 1, 5, 1, 0, 0, 5, 1, 0, 5, 0],
  "console:erin": [4, 5, 2, 4, 2, 1, 0, 4, 2, 0, 4, 1],
  "console:iris": [5, 5, 1, 5, 2, 2, 1, 5, 1, 1, 5, 1],
  "console:jo": [4, 3, 3, 4, 3, 2, 2, 3, 3, 2, 3, 2],
  "console:kim": [5, 4, 2, 5, 2, 1, 1, 4, 2, 1, 4, 1],
};

/**
 * Drives the demo organisation (pain-tue and segt-thu) from before orientation into pain-tue's second session over
 * `store`: orientations read, RSVPs, check-ins answered by pulse and by the full GCQ-S, a member pausing and one
 * declining check-ins, a message for the leads and an urgent one acknowledged by a lead, deliveries to an unreachable member retried and
 * failed, exports (with the organisation's member code key) and an erased member (figures frozen), each step at its own instant of an injected clock.
 */
export async function playSchema1Story(store: Store): Promise<World> {
  const world = makeWorld({ store });
  // hugo's chat account is gone: every delivery to him is retried, then given up.
  world.messenger.failFor = (to) => (to === "console:hugo" ? new Error("account_inactive") : undefined);
  await sweepAt(world, "2026-11-27T18:00:00Z");
  await sweepAt(world, "2026-11-28T18:00:00Z");
  await sweepAt(world, "2026-11-30T18:00:00Z");
  for (const member of ["console:ana", "console:ben"])
    await press(world, member, lastButton(world, member, "orientation-read"));
  await rsvp(world, "console:ana", true);
  await rsvp(world, "console:ben", true);
  await rsvp(world, "console:femi", false);
  await say(world, "console:grace", "pause");
  await sweepAt(world, "2026-12-01T19:40:00Z");
  for (const member of ["console:ana", "console:ben", "console:dev", "console:erin"])
    await answerCheckin(world, member, forms[member], 4);
  await answerCheckin(world, "console:carla", undefined, 3);
  await say(world, "console:carla", "no check-ins");
  await world.interactions.handle({ type: "text", from: "console:ana", text: "I want to end my life" });
  await world.interactions.handle({ type: "text", from: "console:ben", text: "Thank you for tonight, it helped." });
  await press(world, "console:okafor", lastButton(world, "console:okafor", "alert-acknowledge"));
  await sweepAt(world, "2026-12-02T19:40:00Z");
  await press(world, "console:iris", lastButton(world, "console:iris", "orientation-read"));
  await rsvp(world, "console:jo", true);
  await sweepAt(world, "2026-12-03T15:40:00Z");
  for (const member of ["console:iris", "console:jo", "console:kim"])
    await answerCheckin(world, member, forms[member], 5);
  await sweepAt(world, "2026-12-04T19:30:00Z");
  await sweepAt(world, "2026-12-08T19:40:00Z");
  await answerCheckin(world, "console:ana", forms["console:ana"], 5);
  await answerCheckin(world, "console:dev", undefined, 4);
  await say(world, "console:okafor", "export pain-tue answers");
  await say(world, "console:okafor", "forget pain-tue erin confirm");
  await say(world, "console:lindqvist", "export segt-thu");
  await sweepAt(world, "2026-12-09T19:40:00Z");
  return world;
}
