// Eight-session courses of the demo group pain-tue, written straight into the store: a stable group, a rupturing one and a small one.
import { alertId } from "../../../src/core/alerts/index.js";
import type { GroupState } from "../../../src/core/state.js";
import { toAddress } from "../../../src/kernel/address.js";
import type { Message } from "../../../src/kernel/message.js";
import { bySubscale, putForm, putRsvp } from "../../support/flows.js";
import { painTueConfig } from "../../support/outbox-helpers.js";
import { makeWorld, type World } from "../../support/world.js";

/** Session `n` (1-8) of pain-tue starts Tuesdays at 18:00 London (= UTC in winter). */
export function startOf(n: number): Date {
  return new Date(Date.UTC(2026, 11, 1 + 7 * (n - 1), 18));
}

/** The instant its answer window closes: 72 hours after the 90-minute session ends. */
export function closesOf(n: number): string {
  return new Date(startOf(n).getTime() + (90 + 72 * 60) * 60_000).toISOString();
}

/** The lead's briefing before session `n` is due three hours before it starts. */
export function briefingOf(n: number): string {
  return new Date(startOf(n).getTime() - 3 * 3_600_000).toISOString();
}

/** Engaged, Avoiding and Conflict group means of one session (whole points). */
export type Means = readonly [engaged: number, avoiding: number, conflict: number];

/** Who answers the sessions of a story, and what the group's means are in each. */
export interface Story {
  readonly members: readonly string[];
  /** Members who answer every check-in (the others are sent it and never answer). */
  readonly answering: readonly string[];
  readonly sessions: readonly Means[];
  /** A member who answers up to this session and then stops. */
  readonly stopsAfter?: { readonly member: string; readonly session: number };
  readonly extra?: (state: GroupState) => void;
}

// Spread around the mean so every session has a spread (and a standard error), summing to zero.
const spread = [-1, 1, 0, 0, 1, -1, 0, 0];

function write(state: GroupState, story: Story): void {
  story.sessions.forEach((means, i) => {
    const session = i + 1;
    const at = new Date(startOf(session).getTime() + 100 * 60_000).toISOString();
    for (const member of story.members)
      state.prompts[`checkin-${session}-${member}`] = {
        kind: "checkin",
        recipient: toAddress(member),
        session,
        issuedAt: at,
      };
    story.answering.forEach((member, m) => {
      if (story.stopsAfter?.member === member && session > story.stopsAfter.session) return;
      const offset = spread[m % spread.length] ?? 0;
      const [engaged, avoiding, conflict] = means.map((mean) => Math.min(6, Math.max(0, mean + offset)));
      putForm(state, member, session, bySubscale(engaged ?? 0, avoiding ?? 0, conflict ?? 0), at);
    });
  });
  story.extra?.(state);
}

/** A world of pain-tue with `story` lived through; its members are console addresses by name. */
export async function storyWorld(story: Story, now: string): Promise<World> {
  const members = story.members.map(toAddress);
  const world = makeWorld({ now, config: painTueConfig((group) => ({ ...group, members })) });
  await world.store.updateGroup("pain-tue", (state) => write(state, story));
  return world;
}

const eight = ["ana", "ben", "carla", "dev", "erin", "femi", "grace", "hugo"].map((n) => `console:${n}`);

/** Seven sessions of a steady group: 7 of 8 answer, Engaged 4, Avoiding 2, Conflict 1 throughout. */
export const stable: Story = {
  members: eight,
  answering: eight.slice(0, 7),
  sessions: Array.from({ length: 7 }, (): Means => [4, 2, 1]),
};

/**
 * Seven sessions of a group that ruptures late: steady until session 5, then Engaged falls to 2 and Conflict rises
 * to 4; ben stops answering after session 4; ana's message raised an urgent alert in session 2 that nobody has
 * acknowledged; femi can't come to session 8.
 */
export const rupturing: Story = {
  members: eight,
  answering: eight.slice(0, 7),
  sessions: [
    [4, 2, 1],
    [4, 2, 1],
    [4, 2, 1],
    [4, 2, 1],
    [4, 2, 1],
    [2, 2, 4],
    [2, 2, 4],
  ],
  stopsAfter: { member: "console:ben", session: 4 },
  extra(state) {
    state.alerts[alertId("pain-tue", "risk-text", "console:ana", 2)] = {
      kind: "risk-text",
      session: 2,
      raisedAt: "2026-12-08T20:00:00.000Z",
      member: toAddress("console:ana"),
      history: [],
    };
    putRsvp(state, "console:femi", 8, "no", "2027-01-18T18:30:00.000Z");
  },
};

/** Seven sessions of a group of 6 where 4 answer, whose climate collapses: Engaged 4 to 1, Conflict 1 to 4. */
export const small: Story = {
  members: eight.slice(0, 6),
  answering: eight.slice(0, 4),
  sessions: [
    [4, 2, 1],
    [4, 2, 1],
    [3, 2, 2],
    [3, 2, 2],
    [2, 2, 3],
    [1, 2, 4],
    [1, 2, 4],
  ],
};

/** The lines a message shows, in order: each text line, and each mention as "@<address> <text>". */
export function shownLines(message: Message): string[] {
  return message.blocks.flatMap((block) => {
    if (block.type === "text" || block.type === "context") return block.text.split("\n");
    if (block.type === "mention") return [`@${block.address} ${block.text}`];
    return [];
  });
}
