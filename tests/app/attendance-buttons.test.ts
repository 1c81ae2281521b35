import { describe, expect, it } from "vitest";
import type { Outcome } from "../../src/app/outcome.js";
import { checkinPromptId, painTue } from "../support/flows.js";
import { at, marks, painTueWorld, recipientsOf, sweepAt } from "../support/outbox-helpers.js";
import type { World } from "../support/world.js";
import { ana, ben } from "./dispatcher-people.js";

async function checkinSent(): Promise<World> {
  const world = painTueWorld();
  for (const instant of [at.beforeEverything, at.checkin1Due]) await sweepAt(world, instant);
  return world;
}

function notThere(world: World, from: string, promptId: string): Promise<Outcome> {
  return world.interactions.handle({ type: "button", from, promptId, action: "not-there" });
}

async function saidAbsent(world: World) {
  return (await world.store.readGroup("pain-tue")).saidAbsent;
}

describe('"I wasn\'t there" on a check-in', () => {
  it("is noted for that session, with a kind reply in place of the check-in that mentions the next session", async () => {
    const world = await checkinSent();
    const outcome = await notThere(world, ana, checkinPromptId(world, ana));
    expect(outcome).toEqual({
      reply: expect.objectContaining({
        text: "Thank you for letting us know. We missed you, and we hope you're doing all right. Your Tuesday group next meets on Tuesday 8 December, 18:00. It would be lovely to see you whenever you're able.",
      }),
      replacesPrompt: true,
    });
    expect(await saidAbsent(world)).toEqual({ [`${ana}|1`]: "2026-12-01T19:40:00.000Z" });
  });

  it("stops the nudge, and saying it again changes nothing", async () => {
    const world = await checkinSent();
    const promptId = checkinPromptId(world, ana);
    await notThere(world, ana, promptId);
    world.clock.advanceHours(2);
    await notThere(world, ana, promptId);
    expect(await saidAbsent(world)).toEqual({ [`${ana}|1`]: "2026-12-01T19:40:00.000Z" });
    await sweepAt(world, at.nudge1Due);
    expect(recipientsOf(world, marks.nudge)).not.toContain(ana);
    expect(recipientsOf(world, marks.nudge)).toContain(ben);
  });

  it("on someone else's check-in is refused kindly and notes nothing", async () => {
    const world = await checkinSent();
    const outcome = await notThere(world, ben, checkinPromptId(world, ana));
    expect(outcome).toEqual({
      reply: expect.objectContaining({
        text: "This question was sent to someone else, so I haven't saved anything. Thank you, though.",
      }),
    });
    expect(await saidAbsent(world)).toEqual({});
  });

  it("once the check-in has closed is refused kindly and notes nothing", async () => {
    const world = await checkinSent();
    world.clock.set(painTue.closes1);
    const outcome = await notThere(world, ana, checkinPromptId(world, ana));
    expect(outcome).toEqual({
      reply: expect.objectContaining({
        text: "This check-in has closed, so I haven't changed anything. Take care.",
      }),
    });
    expect(await saidAbsent(world)).toEqual({});
  });
});
