import { describe, expect, it } from "vitest";
import type { Address } from "../../src/kernel/address.js";
import { DeliveryError } from "../../src/kernel/errors.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import {
  at,
  entryOf,
  FailingStore,
  groupId,
  keyOf,
  marks,
  members,
  painTueWorld,
  recipientsOf,
  sweepAt,
} from "../support/outbox-helpers.js";
import { makeWorld } from "../support/world.js";
import { exampleConfig } from "../support/example-setup.js";
import { ana, ben } from "./dispatcher-people.js";

/** The outbox key of the orientation's first message (the welcome) to a member. */
const welcomeKey = (member: Address) => `${keyOf("orientation", 1, member)}:part-1`;

describe("one failure never stops the rest", () => {
  it("records a permanent failure for one recipient, does not retry it, and still reaches everyone else", async () => {
    const world = painTueWorld();
    world.messenger.failFor = (to) => (to === ana ? new DeliveryError("user-not-found", false) : undefined);
    await sweepAt(world, at.beforeEverything);
    const report = await sweepAt(world, at.orientationDue);

    expect(report).toMatchObject({ sent: 7, failed: 1, retrying: 0 });
    expect(recipientsOf(world, marks.orientation)).toEqual(members.filter((m) => m !== ana).sort());
    expect(await entryOf(world, welcomeKey(ana))).toMatchObject({
      status: "failed",
      error: "user-not-found",
      attempts: 1,
    });

    world.messenger.failFor = () => undefined;
    await sweepAt(world, "2026-11-28T19:00:00Z");
    await sweepAt(world, "2026-11-29T19:00:00Z");
    expect(recipientsOf(world, marks.orientation)).not.toContain(ana);
  });

  it("retries a temporary failure after its back-off and then sends it once", async () => {
    const world = painTueWorld();
    world.messenger.failFor = (to) => (to === ben ? new DeliveryError("rate-limited", true) : undefined);
    await sweepAt(world, at.beforeEverything);
    const first = await sweepAt(world, at.orientationDue);
    expect(first).toMatchObject({ sent: 7, retrying: 1 });
    expect(await entryOf(world, welcomeKey(ben))).toMatchObject({
      status: "retrying",
      attempts: 1,
      nextAttemptAt: "2026-11-28T18:01:00.000Z",
    });

    world.messenger.failFor = () => undefined;
    await sweepAt(world, "2026-11-28T18:00:30Z");
    expect(recipientsOf(world, marks.orientation)).not.toContain(ben);

    await sweepAt(world, "2026-11-28T18:01:00Z");
    await sweepAt(world, "2026-11-28T18:02:00Z");
    await sweepAt(world, "2026-11-29T18:00:00Z");
    expect(recipientsOf(world, marks.orientation).filter((to) => to === ben)).toHaveLength(1);
    expect(await entryOf(world, welcomeKey(ben))).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("waits as long as the platform's Retry-After asks when that is longer than its own back-off", async () => {
    const world = painTueWorld();
    world.messenger.failFor = (to) => (to === ben ? new DeliveryError("rate-limited", true, 600) : undefined);
    await sweepAt(world, at.beforeEverything);
    await sweepAt(world, at.orientationDue);
    expect(await entryOf(world, welcomeKey(ben))).toMatchObject({
      status: "retrying",
      nextAttemptAt: "2026-11-28T18:10:00.000Z",
    });

    world.messenger.failFor = () => undefined;
    await sweepAt(world, "2026-11-28T18:05:00Z");
    expect(recipientsOf(world, marks.orientation)).not.toContain(ben);
    await sweepAt(world, "2026-11-28T18:10:00Z");
    expect(recipientsOf(world, marks.orientation).filter((to) => to === ben)).toHaveLength(1);
  });

  it("gives up on a recipient that keeps failing after a bounded number of attempts", async () => {
    const world = painTueWorld();
    world.messenger.failFor = (to) => (to === ben ? new DeliveryError("timeout", true) : undefined);
    await sweepAt(world, at.beforeEverything);
    for (const instant of [
      at.orientationDue,
      "2026-11-28T18:01:00Z",
      "2026-11-28T18:06:00Z",
      "2026-11-28T18:36:00Z",
      "2026-11-28T20:36:00Z",
    ])
      await sweepAt(world, instant);
    expect(await entryOf(world, welcomeKey(ben))).toMatchObject({ status: "failed", attempts: 5 });

    await sweepAt(world, "2026-11-29T20:36:00Z");
    expect(await entryOf(world, welcomeKey(ben))).toMatchObject({ status: "failed", attempts: 5 });
  });

  it("keeps serving the other groups when one group's stored state cannot be read", async () => {
    const store = new FailingStore(new MemoryStore(), new Set([groupId]));
    const world = makeWorld({ store, now: "2026-11-30T14:00:00Z" });
    const report = await world.dispatcher.sweep();

    expect(report.groupErrors).toBe(1);
    // The Thursday group (segt-thu) gets its orientation, 72 h before 3 December 14:00.
    expect(recipientsOf(world, "Welcome to your Thursday group")).toEqual(
      ["iris", "jo", "kim", "lena", "mira", "nora"].map((name) => `console:${name}`),
    );
  });

  it("keeps serving the other groups when one group's program is missing", async () => {
    const config = exampleConfig((c) => ({
      ...c,
      groups: c.groups.map((g) => (g.id === groupId ? { ...g, program: "no-such-program" } : g)),
    }));
    const world = makeWorld({ config, now: at.beforeEverything });
    await world.dispatcher.sweep();
    const report = await sweepAt(world, "2026-11-30T14:00:00Z");

    expect(report.groupErrors).toBe(1);
    expect(recipientsOf(world, "Welcome to your Thursday group")).toHaveLength(6);
    expect(recipientsOf(world, marks.orientation)).toEqual([]);
  });

  it("never writes an address to the log", async () => {
    const store = new FailingStore(new MemoryStore(), new Set(["segt-thu"]));
    const world = makeWorld({ store, now: at.beforeEverything, config: exampleConfig() });
    world.messenger.failFor = (to) =>
      to === ana
        ? new DeliveryError("user-not-found", false)
        : to === ben
          ? new Error(`socket closed while sending to ${to}`)
          : undefined;
    await world.dispatcher.sweep();
    await sweepAt(world, at.orientationDue);
    await sweepAt(world, "2026-11-28T18:01:00Z");

    expect(world.logger.lines.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(world.logger.lines)).not.toContain("console:");
  });
});
