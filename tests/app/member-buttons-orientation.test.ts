import { describe, expect, it } from "vitest";
import type { Button } from "../../src/kernel/message.js";
import { command, replyText } from "../support/flows.js";
import {
  at,
  buttonsOf,
  careTeam,
  groupId,
  leads,
  marks,
  members,
  sentContaining,
  sweptThrough,
  sweepAt,
} from "../support/outbox-helpers.js";
import type { World } from "../support/world.js";

const [ana = members[0]!, ben = members[1]!, carla = members[2]!] = members;
const [okafor = leads[0]!] = leads;
const yourPart = "Your part in the group, and how to reach your leads.";

/** Everyone has had all three orientation messages: the day before session 1. */
const oriented = () => sweptThrough([at.orientationDue, at.reminder1Due]);

function orientationButton(world: World, member: string, action: Button["action"], preview = yourPart): Button {
  const message = sentContaining(world, preview).find((s) => s.to === member)?.message;
  const button = message && buttonsOf(message).find((b) => b.action === action);
  if (!button) throw new Error(`no ${action} button sent to ${member}`);
  return button;
}

async function press(world: World, member: string, action: Button["action"], preview?: string) {
  const { promptId } = orientationButton(world, member, action, preview);
  return world.interactions.handle({ type: "button", from: member, promptId, action });
}

describe("a member says they have read their orientation", () => {
  it("is thanked warmly, the message stays for them to read again, and it is stored", async () => {
    const world = await oriented();
    const outcome = await press(world, ana, "orientation-read");
    expect(replyText(outcome)).toBe("Thank you for reading it. We look forward to seeing you.");
    expect("replacesPrompt" in outcome).toBe(false);
    expect((await world.store.readGroup(groupId)).orientationRead).toEqual({
      [ana]: "2026-11-30T18:00:00.000Z",
    });
  });

  it("is stored once: pressing again later keeps the first time", async () => {
    const world = await oriented();
    await press(world, ana, "orientation-read");
    world.clock.advanceHours(3);
    expect(replyText(await press(world, ana, "orientation-read"))).toContain("Thank you for reading it.");
    expect((await world.store.readGroup(groupId)).orientationRead[ana]).toBe("2026-11-30T18:00:00.000Z");
  });

  it("cannot be said for someone else", async () => {
    const world = await oriented();
    const { promptId } = orientationButton(world, ana, "orientation-read");
    const outcome = await world.interactions.handle({
      type: "button",
      from: ben,
      promptId,
      action: "orientation-read",
    });
    expect(replyText(outcome)).toContain("This question was sent to someone else");
    expect((await world.store.readGroup(groupId)).orientationRead).toEqual({});
  });
});

describe("a member has a question for the leads", () => {
  it("is asked to write it, and what they write reaches both leads privately", async () => {
    const world = await oriented();
    const outcome = await press(world, ana, "orientation-question", marks.orientation);
    expect(replyText(outcome)).toBe("Just write your question here and I'll pass it to your leads.");
    world.messenger.sent.length = 0;
    await world.interactions.handle({ type: "text", from: ana, text: "Is there parking near Room 2.14?" });
    expect(
      sentContaining(world, "Is there parking")
        .map((s) => s.to)
        .sort(),
    ).toEqual([...leads].sort());
  });
});

describe("the leads' summary before session 1", () => {
  it("says how many have read their orientation and names who has not yet", async () => {
    const world = await oriented();
    for (const member of members.filter((m) => m !== ben && m !== carla))
      await press(world, member, "orientation-read");
    const outcome = await world.interactions.handle({ type: "command", from: okafor, text: "summary pain-tue" });
    const blocks = "reply" in outcome ? outcome.reply.blocks : [];
    const line = blocks.findIndex((b) => b.type === "text" && b.text === "*Orientation read: 6 of 8*");
    expect(line).toBeGreaterThan(0);
    expect(blocks.slice(line + 1, line + 3)).toEqual([
      { type: "mention", address: ben, text: "not yet" },
      { type: "mention", address: carla, text: "not yet" },
    ]);
  });

  it("is for the leads only: the care team channel never sees it", async () => {
    const world = await oriented();
    expect(await command(world, careTeam, "summary pain-tue", careTeam)).not.toContain("Orientation read");
  });

  it("stops once session 1 has begun", async () => {
    const world = await oriented();
    await sweepAt(world, at.session1Starts);
    expect(await command(world, okafor, "summary pain-tue")).not.toContain("Orientation read");
  });
});
