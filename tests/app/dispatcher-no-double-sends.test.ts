import { afterEach, describe, expect, it } from "vitest";
import { openFileStore } from "../../src/store/file-store.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import {
  at,
  entryOf,
  groupId,
  keyOf,
  marks,
  members,
  painTueWorld,
  recipientsOf,
  sweepAt,
} from "../support/outbox-helpers.js";
import { makeTempDir, removeTempDirs } from "../support/temp-dirs.js";
import { ana } from "./dispatcher-people.js";

afterEach(removeTempDirs);

describe("the outbox never sends a delivery twice", () => {
  it("sends each member one orientation when swept twice at the same moment", async () => {
    const world = painTueWorld();
    await sweepAt(world, at.beforeEverything);
    const first = await sweepAt(world, at.orientationDue);
    const second = await sweepAt(world, at.orientationDue);

    expect(first.sent).toBe(8);
    expect(second).toEqual({ sent: 0, expired: 0, failed: 0, retrying: 0, withheld: 0, groupErrors: 0 });
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

    // The orientation's first two parts, once each.
    expect(world.messenger.sent).toHaveLength(16);
    expect(recipientsOf(world, marks.orientation)).toEqual([...members].sort());
  });

  it("sends once when two sweeps run at the same time", async () => {
    const world = painTueWorld({ now: at.reminder1Due });
    await Promise.all([world.dispatcher.sweep(), world.dispatcher.sweep()]);

    expect(recipientsOf(world, marks.reminder)).toEqual([...members].sort());
  });

  it("takes over a delivery claimed but not recorded before a restart once its claim is older than the lease", async () => {
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

    const claimLeaseMinutes = 10; // cohesion.yaml's default
    const claimedAt = Date.parse(at.reminder1Due);
    const after = painTueWorld({ store, now: new Date(claimedAt + (claimLeaseMinutes * 60 - 1) * 1000).toISOString() });
    await after.dispatcher.sweep();
    expect(recipientsOf(after, marks.reminder)).toEqual(members.filter((m) => m !== ana).sort());
    expect((await entryOf(after, key))?.status).toBe("claimed");

    await sweepAt(after, new Date(claimedAt + claimLeaseMinutes * 60_000).toISOString());
    expect(recipientsOf(after, marks.reminder)).toEqual([...members].sort());
    expect((await entryOf(after, key))?.status).toBe("sent");
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
