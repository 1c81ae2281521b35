import { afterEach, describe, expect, it } from "vitest";
import { toAddress } from "../../src/kernel/address.js";
import { DeliveryError } from "../../src/kernel/errors.js";
import type { DeliveryKind } from "../../src/core/state.js";
import { openFileStore } from "../../src/store/file-store.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import {
  at,
  entriesOf,
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
import { makeTempDir, removeTempDirs } from "../support/temp-dirs.js";
import { exampleConfig, makeWorld } from "../support/world.js";

afterEach(removeTempDirs);

const ana = toAddress("console:ana");
const ben = toAddress("console:ben");

describe("the outbox never sends a delivery twice", () => {
  it("sends each member one orientation when swept twice at the same moment", async () => {
    const world = painTueWorld();
    await sweepAt(world, at.beforeEverything);
    const first = await sweepAt(world, at.orientationDue);
    const second = await sweepAt(world, at.orientationDue);

    expect(first.sent).toBe(8);
    expect(second).toEqual({ sent: 0, expired: 0, failed: 0, retrying: 0, groupErrors: 0 });
    expect(recipientsOf(world, marks.orientation)).toEqual([...members].sort());
  });

  it("does not resend at later sweeps", async () => {
    const world = painTueWorld();
    for (const instant of [
      at.beforeEverything,
      at.orientationDue,
      "2026-11-28T18:01:00Z",
      "2026-11-29T09:00:00Z",
      "2026-11-30T17:59:00Z",
    ])
      await sweepAt(world, instant);

    expect(world.messenger.sent).toHaveLength(8);
    expect(recipientsOf(world, marks.orientation)).toEqual([...members].sort());
  });

  it("sends once when two sweeps run at the same time", async () => {
    const world = painTueWorld({ now: at.reminder1Due });
    await Promise.all([world.dispatcher.sweep(), world.dispatcher.sweep()]);

    expect(recipientsOf(world, marks.reminder)).toEqual([...members].sort());
  });

  it("does not send a delivery that was claimed but not recorded before a restart", async () => {
    const store = new MemoryStore();
    const before = painTueWorld({ store });
    await sweepAt(before, at.orientationDue);
    // The bot claimed Ana's reminder, then stopped before it could record the outcome.
    const key = keyOf("reminder", 1, ana);
    await store.updateGroup(groupId, (state) => {
      state.outbox[key] = {
        delivery: {
          key,
          kind: "reminder",
          groupId,
          recipient: ana,
          session: 1,
          dueAt: at.reminder1Due,
          expiresAt: at.session1Starts,
        },
        status: "claimed",
        updatedAt: at.reminder1Due,
        attempts: 1,
      };
    });

    const after = painTueWorld({ store, now: "2026-11-30T18:01:00Z" });
    await after.dispatcher.sweep();
    await sweepAt(after, "2026-11-30T20:00:00Z");

    expect(recipientsOf(after, marks.reminder)).toEqual(members.filter((m) => m !== ana).sort());
    expect((await entryOf(after, key))?.status).toBe("claimed");
  });

  it("does not resend after a restart on the same data directory", async () => {
    const dir = await makeTempDir();
    const firstRun = painTueWorld({ store: await openFileStore(dir) });
    await sweepAt(firstRun, at.beforeEverything);
    await sweepAt(firstRun, at.orientationDue);
    expect(recipientsOf(firstRun, marks.orientation)).toEqual([...members].sort());
    await firstRun.store.close();

    const secondRun = painTueWorld({ store: await openFileStore(dir), now: "2026-11-28T18:05:00Z" });
    const report = await secondRun.dispatcher.sweep();
    await secondRun.store.close();

    expect(report.sent).toBe(0);
    expect(secondRun.messenger.sent).toEqual([]);
  });
});

describe("the outbox catches up after downtime", () => {
  it("sends a reminder that fell due while the bot was down if the session has not started", async () => {
    const world = painTueWorld();
    await sweepAt(world, at.beforeEverything);
    await sweepAt(world, "2026-11-29T12:00:00Z");
    // Down from 29 November until the morning of the session.
    await sweepAt(world, "2026-12-01T09:00:00Z");

    const reminders = world.messenger.sent.filter((s) => s.message.text.includes(marks.reminder));
    expect(reminders.map((s) => s.to).sort()).toEqual([...members].sort());
    expect(reminders[0]?.message.text).toBe("Your Tuesday group meets today at 18:00.");
  });

  it("skips the reminder once the session has started but still sends the check-in while answers are open", async () => {
    const world = painTueWorld();
    await sweepAt(world, at.beforeEverything);
    await sweepAt(world, "2026-11-29T12:00:00Z");
    // Down from 29 November until after session 1 and its check-in time.
    const report = await sweepAt(world, "2026-12-01T20:00:00Z");

    expect(recipientsOf(world, marks.reminder)).toEqual([]);
    expect([...(await entriesOf(world, "reminder", 1)).values()].map((e) => e.status)).toEqual(
      Array(8).fill("expired"),
    );
    expect(recipientsOf(world, marks.checkin)).toEqual([...members].sort());
    expect(report).toMatchObject({ sent: 8, expired: 8 });
  });
});

describe("each kind of delivery has its own grace window", () => {
  // For each kind: sweeps that bring the group up to just before the gap, then the first sweep after it.
  const cases: {
    kind: Exclude<DeliveryKind, "unreachable">;
    lastSweepBeforeGap: string;
    stillUseful: string;
    tooLate: string;
  }[] = [
    {
      kind: "orientation",
      lastSweepBeforeGap: at.beforeEverything,
      stillUseful: "2026-12-05T17:59:00Z",
      tooLate: "2026-12-05T18:01:00Z",
    },
    {
      kind: "reminder",
      lastSweepBeforeGap: "2026-11-29T12:00:00Z",
      stillUseful: "2026-12-01T17:59:00Z",
      tooLate: "2026-12-01T18:01:00Z",
    },
    {
      kind: "checkin",
      lastSweepBeforeGap: "2026-12-01T19:00:00Z",
      stillUseful: "2026-12-04T19:29:00Z",
      tooLate: "2026-12-04T19:31:00Z",
    },
    {
      kind: "nudge",
      lastSweepBeforeGap: at.checkin1Due,
      stillUseful: "2026-12-04T19:29:00Z",
      tooLate: "2026-12-04T19:31:00Z",
    },
    {
      kind: "digest",
      lastSweepBeforeGap: "2026-12-04T19:00:00Z",
      stillUseful: "2026-12-06T19:29:00Z",
      tooLate: "2026-12-06T19:31:00Z",
    },
  ];

  async function downUntil(lastSweepBeforeGap: string, backAt: string) {
    const world = painTueWorld();
    await sweepAt(world, at.beforeEverything);
    await sweepAt(world, lastSweepBeforeGap);
    world.messenger.sent.length = 0;
    await sweepAt(world, backAt);
    return world;
  }

  it.each(cases)(
    "sends a $kind due during downtime while it is still useful",
    async ({ kind, lastSweepBeforeGap, stillUseful }) => {
      const world = await downUntil(lastSweepBeforeGap, stillUseful);
      const entries = [...(await entriesOf(world, kind, 1)).values()];
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.map((e) => e.status)).toEqual(entries.map(() => "sent"));
      expect(recipientsOf(world, marks[kind])).toEqual(entries.map((e) => e.delivery.recipient).sort());
    },
  );

  it.each(cases)(
    "drops a $kind, recorded as expired, once it is too late",
    async ({ kind, lastSweepBeforeGap, tooLate }) => {
      const world = await downUntil(lastSweepBeforeGap, tooLate);
      const entries = [...(await entriesOf(world, kind, 1)).values()];
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.map((e) => e.status)).toEqual(entries.map(() => "expired"));
      expect(recipientsOf(world, marks[kind])).toEqual([]);
    },
  );
});

describe("one failure never stops the rest", () => {
  it("records a permanent failure for one recipient, does not retry it, and still reaches everyone else", async () => {
    const world = painTueWorld();
    world.messenger.failFor = (to) => (to === ana ? new DeliveryError("user-not-found", false) : undefined);
    await sweepAt(world, at.beforeEverything);
    const report = await sweepAt(world, at.orientationDue);

    expect(report).toMatchObject({ sent: 7, failed: 1, retrying: 0 });
    expect(recipientsOf(world, marks.orientation)).toEqual(members.filter((m) => m !== ana).sort());
    expect(await entryOf(world, keyOf("orientation", 1, ana))).toMatchObject({
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
    expect(await entryOf(world, keyOf("orientation", 1, ben))).toMatchObject({
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
    expect(await entryOf(world, keyOf("orientation", 1, ben))).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("waits as long as the platform's Retry-After asks when that is longer than its own back-off", async () => {
    const world = painTueWorld();
    world.messenger.failFor = (to) => (to === ben ? new DeliveryError("rate-limited", true, 600) : undefined);
    await sweepAt(world, at.beforeEverything);
    await sweepAt(world, at.orientationDue);
    expect(await entryOf(world, keyOf("orientation", 1, ben))).toMatchObject({
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
    expect(await entryOf(world, keyOf("orientation", 1, ben))).toMatchObject({ status: "failed", attempts: 5 });

    await sweepAt(world, "2026-11-29T20:36:00Z");
    expect(await entryOf(world, keyOf("orientation", 1, ben))).toMatchObject({ status: "failed", attempts: 5 });
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
