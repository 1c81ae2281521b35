import { describe, expect, it } from "vitest";
import {
  allText,
  at,
  buttonsOf,
  marks,
  members,
  recipientsOf,
  sentContaining,
  sweepAt,
  sweptThrough,
} from "../support/outbox-helpers.js";
import type { Group } from "../../src/core/setup/index.js";

const ana = "console:ana";

function reminderFor(world: Awaited<ReturnType<typeof sweptThrough>>, session: number, to = ana) {
  return sentContaining(world, `Session ${session}: `).find(
    (s) => s.to === to && s.message.text.includes(marks.reminder),
  )?.message;
}

describe("the reminder before each session", () => {
  it("goes to every member 24 hours before the session", async () => {
    const world = await sweptThrough([at.orientationDue, "2026-11-30T17:59:00Z"]);
    expect(recipientsOf(world, marks.reminder)).toEqual([]);

    await sweepAt(world, at.reminder1Due);
    expect(recipientsOf(world, marks.reminder)).toEqual([...members].sort());
    expect(world.messenger.textsTo("console:okafor")).toEqual([]);
  });

  it("names the session's topic, where it is, and asks for an RSVP", async () => {
    const world = await sweptThrough([at.orientationDue, at.reminder1Due]);
    const message = reminderFor(world, 1);
    expect(message?.text).toBe("Your Tuesday group meets tomorrow at 18:00.");
    const text = allText(message!);
    expect(text).toContain("Session 1: Relaxation I");
    expect(text).toContain("When: Tuesday 1 December, 18:00");
    expect(text).toContain("Where: Room 2.14, Riverside Outpatient Centre");
    expect(text).not.toContain("Practice since last time");
    const buttons = buttonsOf(message!);
    expect(buttons.map((b) => b.action)).toEqual(["rsvp-yes", "rsvp-no"]);
    expect(new Set(buttons.map((b) => b.promptId)).size).toBe(1);
  });

  it("recalls the practice from the previous session", async () => {
    const world = await sweptThrough([at.orientationDue, at.reminder1Due, at.checkin1Due, at.reminder2Due]);
    const text = allText(reminderFor(world, 2)!);
    expect(text).toContain("Session 2: Relaxation II");
    expect(text).toContain("Practice since last time");
    expect(text).toContain("Try the breathing and muscle relaxation once a day");
  });

  it("gives session 3's topic, Coping styles", async () => {
    const world = await sweptThrough([at.orientationDue, "2026-12-14T17:59:00Z"]);
    expect(reminderFor(world, 3)).toBeUndefined();
    await sweepAt(world, "2026-12-14T18:00:00Z");
    expect(allText(reminderFor(world, 3)!)).toContain("Session 3: Coping styles");
    expect(allText(reminderFor(world, 3)!)).toContain("Practise the relaxation with your calm place");
  });

  it("is not sent for a cancelled session, and the next session's still is", async () => {
    const cancelled = (g: Group): Group => ({ ...g, changes: [{ session: 3, cancelled: true }] });
    const world = await sweptThrough(
      [at.orientationDue, "2026-12-07T18:00:00Z", "2026-12-14T18:00:00Z", "2026-12-15T18:00:00Z"],
      cancelled,
    );
    expect(reminderFor(world, 3)).toBeUndefined();

    await sweepAt(world, "2026-12-21T18:00:00Z");
    expect(
      sentContaining(world, "Session 4: ")
        .map((s) => s.to)
        .sort(),
    ).toEqual([...members].sort());
  });

  it("after a cancelled session, recalls the practice from the last session that was held", async () => {
    const cancelled = (g: Group): Group => ({ ...g, changes: [{ session: 3, cancelled: true }] });
    const world = await sweptThrough(
      [at.orientationDue, "2026-12-07T18:00:00Z", "2026-12-14T18:00:00Z", "2026-12-21T18:00:00Z"],
      cancelled,
    );
    const text = allText(reminderFor(world, 4)!);
    expect(text).not.toContain("Notice one moment this week when you coped well");
    expect(text).toContain("Practise the relaxation with your calm place");
  });

  it("follows a moved session to its new time", async () => {
    const moved = (g: Group): Group => ({ ...g, changes: [{ session: 3, startsAt: "2026-12-17T18:00" }] });
    const world = await sweptThrough([at.orientationDue, "2026-12-14T18:00:00Z", "2026-12-15T18:00:00Z"], moved);
    expect(reminderFor(world, 3)).toBeUndefined();

    await sweepAt(world, "2026-12-16T18:00:00Z");
    const message = reminderFor(world, 3);
    expect(message?.text).toBe("Your Tuesday group meets tomorrow at 18:00.");
    expect(allText(message!)).toContain("When: Thursday 17 December, 18:00");
    expect(sentContaining(world, "Session 3: ")).toHaveLength(8);
  });

  it("is not sent to a member who paused", async () => {
    const world = await sweptThrough([at.orientationDue]);
    const outcome = await world.interactions.handle({ type: "command", from: ana, text: "pause" });
    expect("reply" in outcome && outcome.reply.text).toContain("paused");

    await sweepAt(world, at.reminder1Due);
    expect(recipientsOf(world, marks.reminder)).toEqual(members.filter((m) => m !== ana).sort());
  });
});
