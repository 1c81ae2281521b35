import { describe, expect, it } from "vitest";
import { command, painTue } from "../support/flows.js";
import {
  at,
  entryOf,
  keyOf,
  marks,
  members,
  painTueWorld,
  recipientsOf,
  sentContaining,
  sweepAt,
} from "../support/outbox-helpers.js";
import type { World } from "../support/world.js";

const [ana = members[0]!, ben = members[1]!] = members;

function toAna(world: World, mark: string) {
  return sentContaining(world, mark).filter((s) => s.to === ana);
}

async function beforeSessionOne() {
  const world = painTueWorld();
  for (const instant of [at.beforeEverything, at.orientationDue, "2026-11-29T18:00:00Z"]) await sweepAt(world, instant);
  return world;
}

describe("a member who said no check-ins", () => {
  it("gets no check-in and no nudge, but still their reminder", async () => {
    const world = await beforeSessionOne();
    await command(world, ana, "no check-ins");
    for (const instant of [at.reminder1Due, at.checkin1Due, at.nudge1Due]) await sweepAt(world, instant);
    expect(toAna(world, marks.reminder)).toHaveLength(1);
    expect(toAna(world, marks.checkin)).toEqual([]);
    expect(toAna(world, marks.nudge)).toEqual([]);
    expect(recipientsOf(world, marks.checkin)).toContain(ben);
  });

  it("is not chased with a nudge for a check-in they got before saying so", async () => {
    const world = await beforeSessionOne();
    for (const instant of [at.reminder1Due, at.checkin1Due]) await sweepAt(world, instant);
    expect(toAna(world, marks.checkin)).toHaveLength(1);
    await command(world, ana, "no check-ins");
    await sweepAt(world, at.nudge1Due);
    expect(toAna(world, marks.nudge)).toEqual([]);
    expect(recipientsOf(world, marks.nudge)).toContain(ben);
  });

  it("gets the check-in of a session whose answers are still open as soon as they turn check-ins back on", async () => {
    const world = await beforeSessionOne();
    await command(world, ana, "no check-ins");
    for (const instant of [at.reminder1Due, at.checkin1Due]) await sweepAt(world, instant);
    expect(toAna(world, marks.checkin)).toEqual([]);

    world.clock.set("2026-12-02T09:00:00Z");
    await command(world, ana, "check-ins on");
    await sweepAt(world, "2026-12-02T09:00:00Z");
    expect(toAna(world, marks.checkin)).toHaveLength(1);
  });

  it("turning them back on after a session's answers closed brings the next session's check-in, never the old one", async () => {
    const world = await beforeSessionOne();
    await command(world, ana, "no check-ins");
    for (const instant of [at.reminder1Due, painTue.checkin1]) await sweepAt(world, instant);

    world.clock.set("2026-12-05T09:00:00Z");
    await command(world, ana, "check-ins again");
    await sweepAt(world, "2026-12-05T09:00:00Z");
    expect(toAna(world, marks.checkin)).toEqual([]);
    expect(await entryOf(world, keyOf("checkin", 1, ana))).toMatchObject({ status: "expired" });

    await sweepAt(world, painTue.checkin2);
    expect(toAna(world, marks.checkin)).toHaveLength(1);
    expect(await entryOf(world, keyOf("checkin", 2, ana))).toMatchObject({ status: "sent" });
  });
});
