import { describe, expect, it } from "vitest";
import { checkinPromptId, command, painTue, sweepAt } from "../support/flows.js";
import { makeWorld } from "../support/world.js";

const ana = "console:ana";

describe("pause and resume", () => {
  it("pauses a member's reminders and check-ins, then turns them back on", async () => {
    const world = makeWorld();
    expect(await command(world, ana, "pause")).toBe(
      "Of course. I've paused your reminders and check-ins. Your group is still there for you; use `resume` whenever you like.",
    );
    const pausedAt = world.clock.now().toISOString();
    expect((await world.store.readGroup("pain-tue")).paused).toEqual({ [ana]: pausedAt });

    // Pausing again keeps the original time.
    world.clock.advanceHours(1);
    await command(world, ana, "pause");
    expect((await world.store.readGroup("pain-tue")).paused).toEqual({ [ana]: pausedAt });

    // While paused, ana gets no check-in; the others do.
    await sweepAt(world, painTue.checkin1);
    expect(() => checkinPromptId(world, ana)).toThrow(/no check-in/);
    expect(checkinPromptId(world, "console:ben")).toContain(".");

    expect(await command(world, ana, "resume")).toBe("Welcome back. Your reminders and check-ins are on again.");
    expect((await world.store.readGroup("pain-tue")).paused).toEqual({});

    await sweepAt(world, painTue.checkin2);
    expect(checkinPromptId(world, ana)).toContain(".");
  });

  it("accepts the command name in any case", async () => {
    const world = makeWorld();
    expect(await command(world, ana, "  PAUSE ")).toMatch(/paused your reminders/);
  });

  it("refuses a lead, or someone in no group, kindly and without changing anything", async () => {
    const world = makeWorld();
    for (const from of ["console:okafor", "console:care-team", "console:stranger"]) {
      for (const text of ["pause", "resume"]) {
        const reply = await command(world, from, text);
        expect(reply).toBe(`\`${text}\` is for group members. Try \`help\` to see what you can ask.`);
      }
    }
    expect((await world.store.readGroup("pain-tue")).paused).toEqual({});
    expect((await world.store.readGroup("segt-thu")).paused).toEqual({});
  });

  it("shows the usage when given arguments", async () => {
    const world = makeWorld();
    expect(await command(world, ana, "pause for two weeks")).toBe("pause takes no arguments. Usage: `pause`");
    expect((await world.store.readGroup("pain-tue")).paused).toEqual({});
  });
});
