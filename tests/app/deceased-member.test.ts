import { describe, expect, it } from "vitest";
import { at, leads, marks, painTueWorld, recipientsOf, sweepAt } from "../support/outbox-helpers.js";
import { checkinPromptId, painTue } from "../support/flows.js";
import { ana, ben } from "./dispatcher-people.js";

const okafor = "console:okafor";

/** pain-tue after session 1's check-in went out, with Ana then recorded as deceased. */
async function anaDiedAfterSessionOne() {
  const world = painTueWorld();
  for (const instant of [at.beforeEverything, at.orientationDue, at.reminder1Due, at.checkin1Due])
    await sweepAt(world, instant);
  await world.interactions.handle({ type: "command", from: okafor, text: "status pain-tue ana deceased confirm" });
  return { world, before: world.messenger.textsTo(ana).length };
}

describe("a member recorded as deceased is never sent another message", () => {
  it("no nudge about the check-in they had, no reminder, no check-in, for the rest of the course", async () => {
    const { world, before } = await anaDiedAfterSessionOne();
    const rest = [at.nudge1Due, at.reminder2Due, painTue.checkin2, "2026-12-09T19:40:00Z", "2026-12-14T18:00:00Z"];
    for (const instant of [...rest, painTue.checkin3]) await sweepAt(world, instant);
    expect(world.messenger.textsTo(ana)).toHaveLength(before);
    expect(recipientsOf(world, marks.nudge)).toContain(ben);
    expect(recipientsOf(world, marks.reminder).filter((to) => to === ben)).toHaveLength(3);
  });

  it("no reply to a command, and nothing at all to the words written from their account, which still reach the leads", async () => {
    const { world, before } = await anaDiedAfterSessionOne();
    expect(await world.interactions.handle({ type: "command", from: ana, text: "help" })).toEqual({ silent: true });
    expect(await world.interactions.handle({ type: "text", from: ana, text: "This is her daughter." })).toEqual({
      silent: true,
    });
    await sweepAt(world, "2026-12-01T20:00:00Z");
    expect(recipientsOf(world, marks["member-message"])).toEqual([...leads].sort());
    expect(world.messenger.textsTo(ana)).toHaveLength(before);
  });

  it("a tap on their old check-in shows nothing and saves nothing", async () => {
    const { world } = await anaDiedAfterSessionOne();
    const promptId = checkinPromptId(world, ana);
    const outcome = await world.interactions.handle({
      type: "choice",
      from: ana,
      promptId,
      itemId: "pulse-1",
      value: 4,
    });
    expect(outcome).toEqual({ silent: true });
    const answers = Object.keys((await world.store.readGroup("pain-tue")).answers);
    expect(answers.filter((key) => key.startsWith(`${ana}|`))).toEqual([]);
  });
});
