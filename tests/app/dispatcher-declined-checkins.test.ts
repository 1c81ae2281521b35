import { describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/kernel/errors.js";
import type { Message } from "../../src/kernel/message.js";
import { command } from "../support/flows.js";
import { at, entryOf, keyOf, marks, painTueWorld, sentContaining, sweepAt } from "../support/outbox-helpers.js";
import type { World } from "../support/world.js";
import { ana, ben } from "./dispatcher-people.js";

function sentTo(world: World, member: string, mark: string) {
  return sentContaining(world, mark).filter((s) => s.to === member);
}

async function beforeCheckin(): Promise<World> {
  const world = painTueWorld();
  for (const instant of [at.beforeEverything, at.orientationDue, at.reminder1Due, at.session1Ends])
    await sweepAt(world, instant);
  return world;
}

describe("saying no check-ins stops the outbox at once", () => {
  it("a check-in already due in the sweep under way is not sent once the member says no check-ins", async () => {
    const world = await beforeCheckin();
    const send = world.messenger.send.bind(world.messenger);
    // Ana's check-in goes out first (keys are in order); while it does, Ben says no check-ins.
    world.messenger.send = async (to: string, message: Message) => {
      await send(to as never, message);
      if (to === ana && message.text.startsWith(marks.checkin)) await command(world, ben, "no check-ins");
    };
    const report = await sweepAt(world, at.checkin1Due);

    expect(sentTo(world, ana, marks.checkin)).toHaveLength(1);
    expect(sentTo(world, ben, marks.checkin)).toEqual([]);
    expect(report.withheld).toBe(1);
    expect(await entryOf(world, keyOf("checkin", 1, ben))).toBeUndefined();
  });

  it("a check-in waiting to be retried is held back, and goes out if they turn check-ins on while it is useful", async () => {
    const world = await beforeCheckin();
    world.messenger.failFor = (to) => (to === ben ? new DeliveryError("rate-limited", true) : undefined);
    await sweepAt(world, at.checkin1Due);
    expect(await entryOf(world, keyOf("checkin", 1, ben))).toMatchObject({ status: "retrying" });
    world.messenger.failFor = () => undefined;

    await command(world, ben, "no check-ins");
    const held = await sweepAt(world, "2026-12-01T19:45:00Z");
    expect(held.withheld).toBe(1);
    expect(sentTo(world, ben, marks.checkin)).toEqual([]);
    expect(await entryOf(world, keyOf("checkin", 1, ben))).toMatchObject({ status: "retrying", attempts: 1 });

    await command(world, ben, "check-ins on");
    await sweepAt(world, "2026-12-01T19:50:00Z");
    expect(sentTo(world, ben, marks.checkin)).toHaveLength(1);
  });

  it("a nudge waiting to be retried is never sent", async () => {
    const world = await beforeCheckin();
    await sweepAt(world, at.checkin1Due);
    world.messenger.failFor = (to) => (to === ben ? new DeliveryError("rate-limited", true) : undefined);
    await sweepAt(world, at.nudge1Due);
    expect(await entryOf(world, keyOf("nudge", 1, ben))).toMatchObject({ status: "retrying" });
    world.messenger.failFor = () => undefined;

    await command(world, ben, "no check-ins");
    for (const instant of ["2026-12-02T19:45:00Z", "2026-12-03T19:40:00Z", at.window1Closes])
      await sweepAt(world, instant);
    expect(sentTo(world, ben, marks.nudge)).toEqual([]);
    expect(await entryOf(world, keyOf("nudge", 1, ben))).toMatchObject({ status: "expired", attempts: 1 });
  });
});
