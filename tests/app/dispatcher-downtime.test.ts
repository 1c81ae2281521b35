import { describe, expect, it } from "vitest";
import type { DeliveryKind } from "../../src/core/state.js";
import { at, entriesOf, marks, members, painTueWorld, recipientsOf, sweepAt } from "../support/outbox-helpers.js";

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
    // The check-ins, and the orientation's last two parts, still within their week; the leads' briefings expired too.
    expect(report).toMatchObject({ sent: 8 + 16, expired: 8 + 2 });
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
