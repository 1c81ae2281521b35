// Small helpers over makeWorld for tests that drive the bot the way a member or lead would.
import type { Outcome } from "../../src/app/outcome.js";
import type { ChoiceBlock, Form, Message } from "../../src/kernel/message.js";
import type { Group } from "../../src/core/setup/index.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { type GroupState, answerKey, rsvpKey } from "../../src/core/state.js";
import type { World } from "./world.js";

/** Instants of the demo group pain-tue (Europe/London is on GMT in December, so local = UTC). */
export const painTue = {
  id: "pain-tue",
  /** 24 h before session 1: the reminder with its RSVP buttons is due. */
  reminder1: "2026-11-30T18:00:00Z",
  start1: "2026-12-01T18:00:00Z",
  /** Session 1 ends at 19:30; the check-in goes out 10 minutes later. */
  checkin1: "2026-12-01T19:40:00Z",
  /** 72 h after session 1 ends (earlier than session 2 on 8 December). */
  closes1: "2026-12-04T19:30:00Z",
  start2: "2026-12-08T18:00:00Z",
  checkin2: "2026-12-08T19:40:00Z",
  closes2: "2026-12-11T19:30:00Z",
  checkin3: "2026-12-15T19:40:00Z",
  closes3: "2026-12-18T19:30:00Z",
} as const;

export { members, sweepAt } from "./outbox-helpers.js";

/** The prompt id of the latest check-in (a message with a pulse choice) sent to `to`. */
export function checkinPromptId(world: World, to: string): string {
  const choices = world.messenger.sent
    .filter((s) => s.to === to)
    .flatMap((s) => s.message.blocks.filter((b): b is ChoiceBlock => b.type === "choice"));
  const last = choices.at(-1);
  if (!last) throw new Error(`no check-in was sent to ${to}`);
  return last.promptId;
}

/** The prompt id behind the latest RSVP buttons sent to `to`. */
export function rsvpPromptId(world: World, to: string): string {
  const buttons = world.messenger.sent
    .filter((s) => s.to === to)
    .flatMap((s) => s.message.blocks.flatMap((b) => (b.type === "buttons" ? b.buttons : [])))
    .filter((b) => b.action === "rsvp-yes");
  const last = buttons.at(-1);
  if (!last) throw new Error(`no RSVP was sent to ${to}`);
  return last.promptId;
}

/** The text of a reply outcome; fails the test if the outcome was a form. */
export function replyText(outcome: Outcome): string {
  if (!("reply" in outcome)) throw new Error("expected a reply, got a form");
  return outcome.reply.text;
}

/** The form of a form outcome; fails the test if the outcome was a reply. */
export function formOf(outcome: Outcome): Form {
  if (!("form" in outcome)) throw new Error(`expected a form, got ${JSON.stringify(outcome)}`);
  return outcome.form;
}

/** Everything a message shows, block by block (its `text` alone is only the notification fallback). */
export function messageText(message: Message): string {
  return message.blocks
    .map((block) => {
      if (block.type === "text" || block.type === "context") return block.text;
      if (block.type === "fields") return block.fields.map((field) => `${field.label}: ${field.value}`).join("\n");
      return "";
    })
    .join("\n");
}

/** Runs a chat command as `from` (optionally typed in `channel`) and returns everything the reply shows. */
export async function command(world: World, from: string, text: string, channel?: string): Promise<string> {
  const outcome = await world.interactions.handle({ type: "command", from, text, ...(channel ? { channel } : {}) });
  if (!("reply" in outcome)) throw new Error("expected a reply, got a form");
  return messageText(outcome.reply);
}

/** Answers to the 12 GCQ-S items by item id, from values in item order (null = skipped). */
export function gcqAnswers(values: readonly (number | null)[]): Record<string, number | null> {
  return Object.fromEntries(values.map((value, i) => [`gcq-${i + 1}`, value]));
}

/**
 * GCQ-S values in item order with every Engaged item (1, 2, 4, 8, 11) = engaged,
 * every Avoiding item (3, 5, 9) = avoiding and every Conflict item (6, 7, 10, 12) = conflict.
 */
export function bySubscale(engaged: number, avoiding: number, conflict: number): number[] {
  const subscaleOfItem = ["e", "e", "a", "e", "a", "c", "c", "e", "a", "c", "e", "c"];
  return subscaleOfItem.map((s) => (s === "e" ? engaged : s === "a" ? avoiding : conflict));
}

/**
 * Session 1 as five members answered it, [member, GCQ-S values, pulse]:
 *   Engaged  4, 4, 4, 5, 5 -> 4.4
 *   Avoiding 2, 2, 2, 2, 1 -> 1.8
 *   Conflict 1, 1, 0, 0, 0 -> 0.4
 *   Pulse    4, 4, 3, 5, 4 -> 4.0
 */
export const session1Forms: readonly [string, number[], number][] = [
  ["console:ana", bySubscale(4, 2, 1), 4],
  ["console:ben", bySubscale(4, 2, 1), 4],
  ["console:carla", bySubscale(4, 2, 0), 3],
  ["console:dev", bySubscale(5, 2, 0), 5],
  ["console:erin", bySubscale(5, 1, 0), 4],
];

/** Writes one member's GCQ-S answers for a session straight into the group's state (null = skipped). */
export function putForm(
  state: GroupState,
  member: string,
  session: number,
  values: readonly (number | null)[],
  at: string,
): void {
  values.forEach((value, i) => {
    if (value !== null) state.answers[answerKey(member, session, "gcq-s", `gcq-${i + 1}`)] = { value, at };
  });
}

/** Writes one member's pulse answer for a session straight into the group's state. */
export function putPulse(state: GroupState, member: string, session: number, value: number, at: string): void {
  state.answers[answerKey(member, session, "pulse", "pulse-1")] = { value, at };
}

/** Writes session1Forms (GCQ-S and pulse) straight into the group's state, answered at `at`. */
export function putSession1Answers(state: GroupState, at: string): void {
  for (const [member, values, pulse] of session1Forms) {
    putForm(state, member, 1, values, at);
    putPulse(state, member, 1, pulse, at);
  }
}

/** Writes one member's RSVP for a session straight into the group's state. */
export function putRsvp(state: GroupState, member: string, session: number, response: "yes" | "no", at: string): void {
  state.rsvps[rsvpKey(member, session)] = { response, at };
}

/** The configured group with this id. */
export function groupById(world: World, id: string): Group {
  const group = world.ctx.groups.find((g) => g.id === id);
  if (!group) throw new Error(`no group ${id}`);
  return group;
}

/** A MemoryStore whose writes can be made to take a while, and which notes when each write has landed. */
export class SlowStore extends MemoryStore {
  readonly events: string[] = [];
  /** How long each write takes from now on. */
  delayMs = 0;

  override async updateGroup<T>(groupId: string, change: (state: GroupState) => T): Promise<T> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const result = await super.updateGroup(groupId, change);
    this.events.push(`stored ${groupId}`);
    return result;
  }
}
