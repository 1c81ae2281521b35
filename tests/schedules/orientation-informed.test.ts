import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/kernel/errors.js";
import { loadContent, shippedInstrumentsDir, shippedProgramsDir } from "../../src/main/content.js";
import { command } from "../support/flows.js";
import {
  allText,
  at,
  buttonsOf,
  entryOf,
  groupId,
  members,
  painTueConfig,
  painTueWorld,
  sentContaining,
  sweepAt,
} from "../support/outbox-helpers.js";
import { makeWorld } from "../support/world.js";

const [ana = members[0]!, ben = members[1]!] = members;
const yourPart = "Your part in the group, and how to reach your leads.";
const partThreeKey = `orientation:${groupId}:1:${ana}:part-3`;

async function orientedUpTo(instant: string) {
  const world = painTueWorld();
  for (const step of [at.beforeEverything, at.orientationDue, "2026-11-29T18:00:00Z", instant])
    await sweepAt(world, step);
  return world;
}

describe("orientation tells each member how their answers are used", () => {
  it("says, in the member's part, who reads their answers, that they are optional, and what they can say", async () => {
    const world = await orientedUpTo(at.reminder1Due);
    const text = allText(sentContaining(world, yourPart).find((s) => s.to === ana)!.message);
    expect(text).toContain(
      "Every question is optional: your leads read your answers, and the care team only sees figures for the whole group, from at least 5 answers.",
    );
    expect(text).toContain("`no check-ins`");
    expect(text).toContain("`my data` or `delete my data`");
  });

  it("records when each member was told, the instant that part was delivered, with the words' version", async () => {
    const before = await orientedUpTo("2026-11-30T17:59:00Z");
    expect((await before.store.readGroup(groupId)).informed).toEqual({});

    const world = await orientedUpTo(at.reminder1Due);
    const state = await world.store.readGroup(groupId);
    const sentAt = "2026-11-30T18:00:00.000Z";
    expect(state.informed[ana]).toEqual({ at: sentAt, version: 1 });
    expect(Object.keys(state.informed).sort()).toEqual([...members].sort());
    expect(state.outbox[partThreeKey]).toMatchObject({ status: "sent", updatedAt: sentAt });
  });

  it("records nothing while that part has not reached the member, and the instant it finally does", async () => {
    const world = await orientedUpTo("2026-11-30T17:59:00Z");
    world.messenger.failFor = (to) => (to === ana ? new DeliveryError("rate-limited", true) : undefined);
    await sweepAt(world, at.reminder1Due);
    expect(await entryOf(world, partThreeKey)).toMatchObject({ status: "retrying" });
    expect((await world.store.readGroup(groupId)).informed[ana]).toBeUndefined();

    world.messenger.failFor = () => undefined;
    await sweepAt(world, "2026-11-30T18:01:00Z");
    expect((await world.store.readGroup(groupId)).informed[ana]).toEqual({
      at: "2026-11-30T18:01:00.000Z",
      version: 1,
    });
  });

  it("records nothing for a part that could not be delivered at all", async () => {
    const world = await orientedUpTo("2026-11-30T17:59:00Z");
    world.messenger.failFor = (to) => (to === ana ? new DeliveryError("user-not-found", false) : undefined);
    await sweepAt(world, at.reminder1Due);
    const { informed } = await world.store.readGroup(groupId);
    expect(informed[ana]).toBeUndefined();
    expect(informed[ben]).toBeDefined();
  });

  it("does not offer the optional screening questions to a member who said no check-ins", async () => {
    const fixtures = fileURLToPath(new URL("../main/fixtures/content", import.meta.url));
    const content = loadContent({
      programsDirs: [shippedProgramsDir],
      instrumentsDirs: [shippedInstrumentsDir, join(fixtures, "screening-instruments")],
    });
    const config = painTueConfig((group) => ({ ...group, orientation: { screening: "pre-group-check" } }));
    const world = makeWorld({ now: at.beforeEverything, config, content });
    await command(world, ana, "no check-ins");
    for (const instant of [at.beforeEverything, at.orientationDue, at.reminder1Due]) await sweepAt(world, instant);
    const labels = (member: string) =>
      buttonsOf(sentContaining(world, yourPart).find((s) => s.to === member)!.message).map((b) => b.label);
    expect(labels(ana)).toEqual(["I've read this", "I have a question for the leads"]);
    expect(labels(ben)).toContain("Answer a few questions (optional)");
  });
});
