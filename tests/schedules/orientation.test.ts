import { describe, expect, it } from "vitest";
import { toAddress } from "../../src/kernel/address.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import {
  allText,
  at,
  buttonsOf,
  groupId,
  leads,
  marks,
  members,
  painTueWorld,
  recipientsOf,
  sentContaining,
  sweepAt,
} from "../support/outbox-helpers.js";
import { exampleConfig } from "../support/example-setup.js";
import { makeWorld } from "../support/world.js";

const zoe = toAddress("console:zoe");
const [ana = members[0]!] = members;
const parts = {
  welcome: marks.orientation,
  agreements: "What we agree on together in the group.",
  yourPart: "Your part in the group, and how to reach your leads.",
} as const;

describe("orientation before the first session, in three short messages", () => {
  it("welcomes every member 72 hours before session 1, and not the leads or the care team", async () => {
    const world = painTueWorld();
    await sweepAt(world, at.beforeEverything);
    await sweepAt(world, "2026-11-28T17:59:00Z");
    expect(world.messenger.sent).toEqual([]);

    await sweepAt(world, at.orientationDue);
    expect(recipientsOf(world, marks.orientation)).toEqual([...members].sort());
    expect(world.messenger.sent).toHaveLength(members.length);
    for (const address of [...leads, "console:care-team"]) expect(world.messenger.textsTo(address)).toEqual([]);
    const welcome = allText(sentContaining(world, marks.orientation)[0]!.message);
    expect(welcome).toContain("We first meet on Tuesday 1 December, 18:00");
    expect(welcome).toContain("Room 2.14, Riverside Outpatient Centre");
    expect(welcome).toContain("What to expect");
  });

  it("keeps the place and the video link out of what a notification shows", async () => {
    const world = painTueWorld();
    for (const instant of [at.beforeEverything, at.orientationDue, "2026-11-29T18:00:00Z", at.reminder1Due])
      await sweepAt(world, instant);
    const previews = world.messenger.sent.filter((s) => s.to === ana).map((s) => s.message.text);
    expect(previews.slice(0, 3)).toEqual([
      "Welcome to your Tuesday group. A few things to know before you start.",
      parts.agreements,
      parts.yourPart,
    ]);
    for (const preview of previews) expect(preview).not.toMatch(/Room 2\.14|Riverside|https?:|video/);
  });

  it("sends the agreements the next day and the member's part the day before session 1, before the reminder", async () => {
    const world = painTueWorld();
    await sweepAt(world, at.beforeEverything);
    await sweepAt(world, at.orientationDue);
    await sweepAt(world, "2026-11-29T17:59:00Z");
    expect(recipientsOf(world, parts.agreements)).toEqual([]);

    await sweepAt(world, "2026-11-29T18:00:00Z");
    expect(recipientsOf(world, parts.agreements)).toEqual([...members].sort());
    expect(recipientsOf(world, parts.yourPart)).toEqual([]);

    await sweepAt(world, at.reminder1Due);
    expect(recipientsOf(world, parts.yourPart)).toEqual([...members].sort());
    const toAna = world.messenger.textsTo(ana);
    expect(toAna.indexOf(parts.yourPart)).toBeLessThan(toAna.findIndex((t) => t.includes(marks.reminder)));
  });

  it("spaces the three evenly up to the day before when the organisation starts earlier", async () => {
    const config = exampleConfig((c) => ({
      organisation: { ...c.organisation, timing: { ...c.organisation.timing, orientationHoursBefore: 96 } },
      groups: c.groups.filter((g) => g.id === groupId),
    }));
    const world = makeWorld({ now: at.beforeEverything, config });
    await sweepAt(world, at.beforeEverything);
    expect(recipientsOf(world, marks.orientation)).toEqual([...members].sort());
    await sweepAt(world, "2026-11-29T05:59:00Z");
    expect(recipientsOf(world, parts.agreements)).toEqual([]);
    await sweepAt(world, "2026-11-29T06:00:00Z");
    expect(recipientsOf(world, parts.agreements)).toEqual([...members].sort());
    await sweepAt(world, at.reminder1Due);
    expect(recipientsOf(world, parts.yourPart)).toEqual([...members].sort());
  });

  it("gives the agreements, the way to reach the leads, the leaving line and the safety line", async () => {
    const world = painTueWorld();
    for (const instant of [at.beforeEverything, at.orientationDue, at.reminder1Due]) await sweepAt(world, instant);
    const agreements = allText(sentContaining(world, parts.agreements)[0]!.message);
    expect(agreements).toContain("Confidentiality");
    expect(agreements).toContain("If you are thinking of leaving, please say so in the group first.");
    const yourPart = allText(sentContaining(world, parts.yourPart)[0]!.message);
    for (const words of [
      "Your part",
      "Helpful things to bring",
      "Write to me here at any time and your leads will read it.",
      "This chat is not watched around the clock.",
      "If you need help now:",
      "Samaritans are there day and night",
    ])
      expect(yourPart).toContain(words);
  });

  it("asks each message's question of the leads, and only the last asks whether it has been read", async () => {
    const world = painTueWorld();
    for (const instant of [at.beforeEverything, at.orientationDue, at.reminder1Due]) await sweepAt(world, instant);
    const labels = [marks.orientation, parts.agreements, parts.yourPart].map((preview) =>
      buttonsOf(sentContaining(world, preview).find((s) => s.to === ana)!.message).map((b) => b.label),
    );
    expect(labels).toEqual([
      ["I have a question for the leads"],
      ["I have a question for the leads"],
      ["I've read this", "I have a question for the leads"],
    ]);
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
    expect(allText(sentContaining(world, marks.orientation)[0]!.message)).toContain("Tuesday 8 December, 18:00");
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

    it("sends all three at the next sweep, in order, pointing to the next session", async () => {
      const world = await lateJoiner();
      expect(world.messenger.textsTo(zoe)).toEqual([
        "Welcome to your Tuesday group. A few things to know before you start.",
        parts.agreements,
        parts.yourPart,
      ]);
      expect(allText(sentContaining(world, marks.orientation)[0]!.message)).toContain(
        "The group next meets on Tuesday 22 December, 18:00",
      );
    });

    it("sends each only once", async () => {
      const world = await lateJoiner();
      await sweepAt(world, "2026-12-16T10:01:00Z");
      await sweepAt(world, "2026-12-18T10:00:00Z");
      expect(world.messenger.textsTo(zoe)).toHaveLength(3);
    });

    it("does not come with a check-in for a session held before they joined", async () => {
      const world = await lateJoiner();
      expect(world.messenger.textsTo(zoe).filter((text) => text.includes(marks.checkin))).toEqual([]);
    });
  });
});
