import { describe, expect, it } from "vitest";
import type { Address } from "../../src/kernel/address.js";
import { DeliveryError } from "../../src/kernel/errors.js";
import type { MentionBlock } from "../../src/kernel/message.js";
import {
  at,
  leads,
  marks,
  members,
  painTueWorld,
  recipientsOf,
  sentContaining,
  sweepAt,
} from "../support/outbox-helpers.js";

const [ana, ben] = members as [Address, Address];

function mentionsIn(world: ReturnType<typeof painTueWorld>): MentionBlock[] {
  return sentContaining(world, marks.unreachable).flatMap((s) =>
    s.message.blocks.filter((b): b is MentionBlock => b.type === "mention"),
  );
}

describe("telling the leads when a member cannot be reached", () => {
  it("tells each lead, naming the member and what to do, when the app is not installed for them", async () => {
    const world = painTueWorld();
    world.messenger.failFor = (to) => (to === ana ? new DeliveryError("not-installed", false) : undefined);
    await sweepAt(world, at.beforeEverything);
    await sweepAt(world, at.orientationDue);
    expect(recipientsOf(world, marks.unreachable)).toEqual([]);

    await sweepAt(world, "2026-11-28T18:01:00Z");
    expect(recipientsOf(world, marks.unreachable)).toEqual([...leads].sort());
    const mention = mentionsIn(world)[0];
    expect(mention?.address).toBe(ana);
    expect(mention?.text).toContain("install the app for them");
    expect(
      sentContaining(world, marks.unreachable)[0]?.message.blocks.some(
        (b) => b.type === "context" && b.text.includes("the welcome"),
      ),
    ).toBe(true);
  });

  it("says it once per member and session, however many messages fail", async () => {
    const world = painTueWorld();
    world.messenger.failFor = (to) => (to === ana ? new DeliveryError("recipient-gone", false) : undefined);
    for (const instant of [
      at.beforeEverything,
      at.orientationDue,
      at.reminder1Due,
      "2026-11-30T18:01:00Z",
      at.checkin1Due,
      "2026-12-01T19:41:00Z",
      at.nudge1Due,
      "2026-12-02T19:41:00Z",
    ])
      await sweepAt(world, instant);
    expect(recipientsOf(world, marks.unreachable)).toEqual([...leads].sort());
    expect(mentionsIn(world).every((m) => m.text.includes("account may be deactivated"))).toBe(true);
  });

  it("says nothing for a temporary failure, or for a failure that is not about the member", async () => {
    const world = painTueWorld();
    world.messenger.failFor = (to) =>
      to === ana
        ? new DeliveryError("rate-limited", true)
        : to === ben
          ? new DeliveryError("invalid-auth", false)
          : undefined;
    for (const instant of [at.beforeEverything, at.orientationDue, "2026-11-28T18:05:00Z", "2026-11-28T19:00:00Z"])
      await sweepAt(world, instant);
    expect(recipientsOf(world, marks.unreachable)).toEqual([]);
  });

  it("never blocks the other members' messages", async () => {
    const world = painTueWorld();
    world.messenger.failFor = (to) => (to === ana ? new DeliveryError("not-installed", false) : undefined);
    await sweepAt(world, at.beforeEverything);
    await sweepAt(world, at.orientationDue);
    expect(recipientsOf(world, marks.orientation)).toEqual(members.filter((m) => m !== ana).sort());
  });
});
