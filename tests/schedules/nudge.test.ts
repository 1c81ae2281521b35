import { describe, expect, it } from "vitest";
import type { Address } from "../../src/kernel/address.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import {
  answerPulse,
  at,
  choiceBlockOf,
  entriesOf,
  marks,
  members,
  painTueWorld,
  recipientsOf,
  sentContaining,
  sweepAt,
} from "../support/outbox-helpers.js";

const [ana, ben, carla] = members as [Address, Address, Address];

async function checkinSent() {
  const world = painTueWorld();
  for (const instant of [at.beforeEverything, at.orientationDue, at.reminder1Due, at.checkin1Due])
    await sweepAt(world, instant);
  return world;
}

describe("the nudge a day after the check-in", () => {
  it("goes only to members who have not answered, 24 hours after the check-in", async () => {
    const world = await checkinSent();
    await answerPulse(world, ana, 4);
    await answerPulse(world, ben, 2);
    await sweepAt(world, "2026-12-02T19:39:00Z");
    expect(recipientsOf(world, marks.nudge)).toEqual([]);

    await sweepAt(world, at.nudge1Due);
    expect(recipientsOf(world, marks.nudge)).toEqual(members.filter((m) => m !== ana && m !== ben).sort());
    expect(sentContaining(world, marks.nudge)[0]?.message.text).toContain(
      "how was the session on Tuesday 1 December for you?",
    );
  });

  it("carries the same question as the check-in, so answering it counts", async () => {
    const world = await checkinSent();
    await sweepAt(world, at.nudge1Due);
    const checkin = sentContaining(world, marks.checkin).find((s) => s.to === carla)!.message;
    const nudge = sentContaining(world, marks.nudge).find((s) => s.to === carla)!.message;
    expect(choiceBlockOf(nudge).promptId).toBe(choiceBlockOf(checkin).promptId);

    const outcome = await world.interactions.handle({
      type: "choice",
      from: carla,
      promptId: choiceBlockOf(nudge).promptId,
      itemId: "pulse-1",
      value: 5,
    });
    expect("reply" in outcome && outcome.reply.text).toContain("Thank you, that's saved");
  });

  it("is sent once at most", async () => {
    const world = await checkinSent();
    for (const instant of [at.nudge1Due, "2026-12-02T19:41:00Z", "2026-12-03T19:40:00Z", "2026-12-04T19:00:00Z"])
      await sweepAt(world, instant);
    expect(recipientsOf(world, marks.nudge)).toEqual([...members].sort());
  });

  it("is not sent to a member who paused after the check-in", async () => {
    const world = await checkinSent();
    await world.interactions.handle({ type: "command", from: ana, text: "pause" });
    await sweepAt(world, at.nudge1Due);
    expect(recipientsOf(world, marks.nudge)).not.toContain(ana);
    expect(recipientsOf(world, marks.nudge)).toHaveLength(7);
  });

  it("is not sent once the answer window has closed", async () => {
    const world = await checkinSent();
    // The bot is down from just after the check-in until after answers closed (4 December 19:30).
    await sweepAt(world, "2026-12-04T19:31:00Z");
    await sweepAt(world, "2026-12-05T12:00:00Z");

    expect(recipientsOf(world, marks.nudge)).toEqual([]);
    expect([...(await entriesOf(world, "nudge", 1)).values()].map((e) => e.status)).toEqual(Array(8).fill("expired"));
  });

  it("does not follow a late check-in within minutes", async () => {
    const world = painTueWorld();
    for (const instant of [at.beforeEverything, at.reminder1Due]) await sweepAt(world, instant);
    // Down from before the session until the morning of 3 December: the check-in goes out late.
    await sweepAt(world, "2026-12-03T09:00:00Z");
    expect(recipientsOf(world, marks.checkin)).toEqual([...members].sort());

    await sweepAt(world, "2026-12-03T09:01:00Z");
    expect(recipientsOf(world, marks.nudge)).toEqual([]);
  });

  it("is not sent to someone who has left the group since the check-in", async () => {
    const store = new MemoryStore();
    const before = painTueWorld({ store });
    for (const instant of [at.beforeEverything, at.checkin1Due]) await sweepAt(before, instant);
    const after = painTueWorld({
      store,
      now: "2026-12-02T10:00:00Z",
      edit: (g) => ({ ...g, members: g.members.filter((m) => m !== ana) }),
    });
    await after.dispatcher.sweep();
    await sweepAt(after, at.nudge1Due);

    expect(recipientsOf(after, marks.nudge)).toEqual(members.filter((m) => m !== ana).sort());
  });
});
