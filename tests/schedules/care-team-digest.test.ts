import { describe, expect, it } from "vitest";
import type { Group } from "../../src/core/setup/index.js";
import {
  answerPulse,
  at,
  careTeam,
  marks,
  members,
  sentContaining,
  sweepAt,
  sweptThrough,
} from "../support/outbox-helpers.js";

function throughSessionOne(edit?: (group: Group) => Group) {
  return sweptThrough([at.orientationDue, at.reminder1Due, at.checkin1Due], edit);
}

describe("the care team's digest", () => {
  it("is posted to the care team's channel when the answer window closes, 72 hours after the session ends", async () => {
    const world = await throughSessionOne();
    await sweepAt(world, at.nudge1Due);
    await sweepAt(world, "2026-12-04T19:29:00Z");
    expect(sentContaining(world, marks.digest)).toEqual([]);

    await sweepAt(world, at.window1Closes);
    const digests = sentContaining(world, marks.digest);
    expect(digests.map((d) => d.to)).toEqual([careTeam]);
    expect(digests[0]?.message.text).toBe("Digest after session 1: Chronic pain skills, Tuesday evening");
  });

  it("is posted once", async () => {
    const world = await throughSessionOne();
    for (const instant of [at.window1Closes, "2026-12-04T19:31:00Z", "2026-12-05T19:30:00Z", "2026-12-07T19:30:00Z"])
      await sweepAt(world, instant);
    expect(sentContaining(world, "Digest after session 1")).toHaveLength(1);
  });

  it("never goes to members or leads", async () => {
    const world = await throughSessionOne();
    await sweepAt(world, at.window1Closes);
    for (const address of [...members, "console:okafor", "console:sam"])
      expect(world.messenger.textsTo(address).filter((t) => t.includes(marks.digest))).toEqual([]);
  });

  it("shows the pulse once enough members answered", async () => {
    const world = await throughSessionOne();
    for (const member of members.slice(0, 5)) await answerPulse(world, member, 4);
    await sweepAt(world, at.window1Closes);
    const blocks = sentContaining(world, marks.digest)[0]!.message.blocks;
    const session1 = blocks.find((b) => b.type === "text" && b.text.startsWith("*Session 1*"));
    expect(session1).toEqual({
      type: "text",
      text: expect.stringContaining("Pulse 4.0 (5 answers) · Responses 5 of 8 (63%)"),
    });
  });

  it("comes earlier when the next session starts before 72 hours have passed", async () => {
    const world = await throughSessionOne((g) => ({ ...g, changes: [{ session: 2, startsAt: "2026-12-03T18:00" }] }));
    await sweepAt(world, "2026-12-03T17:59:00Z");
    expect(sentContaining(world, marks.digest)).toEqual([]);
    await sweepAt(world, "2026-12-03T18:00:00Z");
    expect(sentContaining(world, "Digest after session 1").map((d) => d.to)).toEqual([careTeam]);
  });

  it("is not posted for a cancelled session", async () => {
    const world = await throughSessionOne((g) => ({ ...g, changes: [{ session: 2, cancelled: true }] }));
    for (const instant of [at.window1Closes, "2026-12-11T19:30:00Z", "2026-12-12T12:00:00Z"])
      await sweepAt(world, instant);
    expect(sentContaining(world, marks.digest).map((d) => d.message.text)).toEqual([
      "Digest after session 1: Chronic pain skills, Tuesday evening",
    ]);
  });
});
