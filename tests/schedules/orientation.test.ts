import { describe, expect, it } from "vitest";
import { toAddress } from "../../src/kernel/address.js";
import { MemoryStore } from "../../src/store/memory-store.js";
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

const zoe = toAddress("console:zoe");

describe("orientation before the first session", () => {
  it("reaches every member 72 hours before session 1, and not the leads or the care team", async () => {
    const world = painTueWorld();
    await sweepAt(world, at.beforeEverything);
    await sweepAt(world, "2026-11-28T17:59:00Z");
    expect(world.messenger.sent).toEqual([]);

    await sweepAt(world, at.orientationDue);
    expect(recipientsOf(world, marks.orientation)).toEqual([...members].sort());
    for (const address of [...leads, "console:care-team"]) expect(world.messenger.textsTo(address)).toEqual([]);
    const text = sentContaining(world, marks.orientation)[0]?.message.text;
    expect(text).toContain("We first meet on Tuesday 1 December, 18:00");
    expect(text).toContain("Room 2.14, Riverside Outpatient Centre");
  });

  it("is not sent to a member who paused before it was due", async () => {
    const world = painTueWorld();
    await sweepAt(world, at.beforeEverything);
    await world.interactions.handle({ type: "command", from: "console:ana", text: "pause" });
    await sweepAt(world, at.orientationDue);
    expect(recipientsOf(world, marks.orientation)).toEqual(members.filter((m) => m !== "console:ana").sort());
  });

  it("follows the first session that is held when session 1 is cancelled", async () => {
    const world = painTueWorld({ edit: (g) => ({ ...g, changes: [{ session: 1, cancelled: true }] }) });
    await sweepAt(world, at.beforeEverything);
    await sweepAt(world, at.orientationDue);
    await sweepAt(world, "2026-12-05T17:59:00Z");
    expect(recipientsOf(world, marks.orientation)).toEqual([]);

    await sweepAt(world, "2026-12-05T18:00:00Z");
    expect(recipientsOf(world, marks.orientation)).toEqual([...members].sort());
    expect(sentContaining(world, marks.orientation)[0]?.message.text).toContain("Tuesday 8 December, 18:00");
  });

  describe("for a member who joins after session 3", () => {
    async function lateJoiner() {
      const store = new MemoryStore();
      const before = painTueWorld({ store });
      for (const instant of [at.beforeEverything, at.orientationDue, "2026-12-15T19:40:00Z"])
        await sweepAt(before, instant);
      // The clinic adds Zoe to the configuration and restarts the bot the next morning.
      const after = painTueWorld({
        store,
        now: "2026-12-16T10:00:00Z",
        edit: (g) => ({ ...g, members: [...g.members, zoe] }),
      });
      await after.dispatcher.sweep();
      return after;
    }

    it("is sent at the next sweep, pointing to the next session", async () => {
      const world = await lateJoiner();
      expect(recipientsOf(world, marks.orientation)).toEqual([zoe]);
      expect(sentContaining(world, marks.orientation)[0]?.message.text).toContain(
        "The group next meets on Tuesday 22 December, 18:00",
      );
    });

    it("is sent only once", async () => {
      const world = await lateJoiner();
      await sweepAt(world, "2026-12-16T10:01:00Z");
      await sweepAt(world, "2026-12-18T10:00:00Z");
      expect(recipientsOf(world, marks.orientation)).toEqual([zoe]);
    });

    it("does not come with a check-in for a session held before they joined", async () => {
      const world = await lateJoiner();
      expect(world.messenger.textsTo(zoe).filter((text) => text.includes(marks.checkin))).toEqual([]);
    });
  });
});
