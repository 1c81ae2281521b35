import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Button } from "../../src/kernel/message.js";
import { loadContent, shippedInstrumentsDir, shippedProgramsDir } from "../../src/main/content.js";
import { formOf, replyText } from "../support/flows.js";
import {
  at,
  buttonsOf,
  careTeam,
  groupId,
  leads,
  marks,
  members,
  painTueConfig,
  sentContaining,
  sweepAt,
} from "../support/outbox-helpers.js";
import { makeWorld, type World } from "../support/world.js";

const [ana = members[0]!] = members;
const fixtures = fileURLToPath(new URL("../main/fixtures/content", import.meta.url));
const content = loadContent({
  programsDirs: [shippedProgramsDir],
  instrumentsDirs: [shippedInstrumentsDir, join(fixtures, "screening-instruments")],
});
const yourPart = "Your part in the group, and how to reach your leads.";
const answerButton = "Answer a few questions (optional)";

async function oriented(screening: boolean): Promise<World> {
  const config = painTueConfig((group) =>
    screening ? { ...group, orientation: { screening: "pre-group-check" } } : group,
  );
  const world = makeWorld({ now: at.beforeEverything, config, content });
  for (const instant of [at.beforeEverything, at.orientationDue, at.reminder1Due]) await sweepAt(world, instant);
  return world;
}

function screeningButton(world: World, member: string): Button | undefined {
  const message = sentContaining(world, yourPart).find((s) => s.to === member)?.message;
  return message && buttonsOf(message).find((b) => b.label === answerButton);
}

async function answer(world: World, values: readonly (number | null)[]) {
  const button = screeningButton(world, ana);
  if (!button) throw new Error("no screening button");
  const { promptId } = button;
  const form = formOf(await world.interactions.handle({ type: "button", from: ana, promptId, action: "open-form" }));
  const answers = Object.fromEntries(form.questions.map((q, i) => [q.itemId, values[i] ?? null]));
  return world.interactions.handle({ type: "form", from: ana, promptId, answers });
}

describe("optional pre-group screening with the orientation", () => {
  it("is off unless the program or group names an instrument", async () => {
    const world = await oriented(false);
    expect(screeningButton(world, ana)).toBeUndefined();
  });

  it("offers a button on the orientation that opens the clinic's short form", async () => {
    const world = await oriented(true);
    const button = screeningButton(world, ana);
    expect(button?.action).toBe("open-form");
    const form = formOf(
      await world.interactions.handle({ type: "button", from: ana, promptId: button!.promptId, action: "open-form" }),
    );
    expect(form.title).toBe("A few questions");
    expect(form.intro).toContain("Your answers go only to your group leaders.");
    expect(form.questions.map((q) => q.itemId)).toEqual(["pgc-1", "pgc-2"]);
  });

  it("stores the member's answers; answers under the flag reach nobody", async () => {
    const world = await oriented(true);
    expect(replyText(await answer(world, [1, 1]))).toContain("Thank you. Your answers are saved");
    const stored = (await world.store.readGroup(groupId)).screening[ana];
    expect(stored).toMatchObject({
      instrument: "pre-group-check",
      answers: { "pgc-1": 1, "pgc-2": 1 },
      flagged: false,
    });
    await sweepAt(world, at.session1Starts);
    expect(sentContaining(world, marks.screening)).toEqual([]);
  });

  it("sends flagged answers to each lead privately, at once and once, never to the care team or the logs", async () => {
    const world = await oriented(true);
    const reply = replyText(await answer(world, [2, 1]));
    expect(reply).toBe(
      "Thank you. Your answers are saved and go only to your group leaders, who may be in touch before the first session.",
    );
    const told = sentContaining(world, marks.screening);
    expect(told.map((s) => s.to).sort()).toEqual([...leads].sort());
    expect(JSON.stringify(told[0]?.message)).toContain("Feeling low.: More than half the days (2)");
    expect(told.map((s) => s.to)).not.toContain(careTeam);
    await answer(world, [3, 3]);
    await sweepAt(world, at.session1Starts);
    expect(sentContaining(world, marks.screening)).toHaveLength(leads.length);
    expect((await world.store.readGroup(groupId)).alerts).toEqual({});
    expect(JSON.stringify(world.logger.lines)).not.toMatch(/console:ana|pgc-|Feeling low/);
  });

  it("refuses answers to questions the screening does not have", async () => {
    const world = await oriented(true);
    const { promptId } = screeningButton(world, ana)!;
    const outcome = await world.interactions.handle({ type: "form", from: ana, promptId, answers: { "gcq-1": 3 } });
    expect(replyText(outcome)).toContain("I didn't recognise that question");
    expect((await world.store.readGroup(groupId)).screening).toEqual({});
  });
});
