import { describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/kernel/errors.js";
import type { Message } from "../../src/kernel/message.js";
import { at, entryOf, keyOf, marks, painTueWorld, recipientsOf, sweepAt } from "../support/outbox-helpers.js";
import type { World } from "../support/world.js";
import { ana, ben } from "./dispatcher-people.js";

const okafor = "console:okafor";

function setStatus(world: World, text: string) {
  return world.interactions.handle({ type: "command", from: okafor, text });
}

describe("a status other than active stops the outbox at once", () => {
  it("a reminder already due in the sweep under way is not sent once the member's status changes", async () => {
    const world = painTueWorld();
    const send = world.messenger.send.bind(world.messenger);
    // Ana's reminder goes out first (keys are in order); while it does, a lead marks Ben as in hospital.
    world.messenger.send = async (to: string, message: Message) => {
      await send(to as never, message);
      if (to === ana && message.text.startsWith(marks.reminder))
        await setStatus(world, "status pain-tue ben hospitalised");
    };
    await sweepAt(world, at.beforeEverything);
    const report = await sweepAt(world, at.reminder1Due);

    expect(recipientsOf(world, marks.reminder)).toContain(ana);
    expect(recipientsOf(world, marks.reminder)).not.toContain(ben);
    expect(report.withheld).toBe(1);
    expect(await entryOf(world, keyOf("reminder", 1, ben))).toBeUndefined();
  });

  it("a retry waiting for its back-off is withheld while the member is on hold, and goes out if they are active again while it is still useful", async () => {
    const world = painTueWorld();
    for (const instant of [at.beforeEverything, at.orientationDue, "2026-11-30T17:59:00Z"])
      await sweepAt(world, instant);
    world.messenger.failFor = (to) => (to === ben ? new DeliveryError("rate-limited", true) : undefined);
    await sweepAt(world, at.reminder1Due);
    expect(await entryOf(world, keyOf("reminder", 1, ben))).toMatchObject({ status: "retrying" });
    world.messenger.failFor = () => undefined;

    await setStatus(world, "status pain-tue ben on-hold");
    const held = await sweepAt(world, "2026-11-30T18:05:00Z");
    expect(held.withheld).toBeGreaterThanOrEqual(1);
    expect(recipientsOf(world, marks.reminder)).not.toContain(ben);
    expect(await entryOf(world, keyOf("reminder", 1, ben))).toMatchObject({ status: "retrying", attempts: 1 });

    await setStatus(world, "status pain-tue ben active");
    await sweepAt(world, "2026-11-30T18:10:00Z");
    expect(recipientsOf(world, marks.reminder).filter((to) => to === ben)).toHaveLength(1);
  });

  it("a withheld retry that is no longer useful when the member is back expires unsent", async () => {
    const world = painTueWorld();
    for (const instant of [at.beforeEverything, at.orientationDue, "2026-11-30T17:59:00Z"])
      await sweepAt(world, instant);
    world.messenger.failFor = (to) => (to === ben ? new DeliveryError("rate-limited", true) : undefined);
    await sweepAt(world, at.reminder1Due);
    world.messenger.failFor = () => undefined;
    await setStatus(world, "status pain-tue ben hospitalised");
    await sweepAt(world, "2026-11-30T18:05:00Z");

    world.clock.set(at.session1Ends);
    await setStatus(world, "status pain-tue ben active");
    await sweepAt(world, at.session1Ends);
    expect(recipientsOf(world, marks.reminder)).not.toContain(ben);
    expect(await entryOf(world, keyOf("reminder", 1, ben))).toMatchObject({ status: "expired" });
  });
});
