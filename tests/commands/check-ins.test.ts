import { describe, expect, it } from "vitest";
import { command } from "../support/flows.js";
import { makeWorld, type World } from "../support/world.js";

const ana = "console:ana";
const offReply =
  "Of course. You won't get check-ins from now on; your reminders carry on as before. Say `check-ins on` whenever you'd like them back.";
const onReply = "Welcome back. Your check-ins are on again; say `no check-ins` at any time.";

async function declined(world: World) {
  return (await world.store.readGroup("pain-tue")).declinedCheckins;
}

describe("no check-ins, and check-ins on", () => {
  it("a member says no check-ins: a short, warm reply says how to turn them back on, and the choice is kept with when", async () => {
    const world = makeWorld();
    expect(await command(world, ana, "no check-ins")).toBe(offReply);
    const saidAt = world.clock.now().toISOString();
    expect(await declined(world)).toEqual({ [ana]: saidAt });

    // Saying it again keeps the original time.
    world.clock.advanceHours(1);
    await command(world, ana, "no check-ins");
    expect(await declined(world)).toEqual({ [ana]: saidAt });
  });

  it("a member turns check-ins back on", async () => {
    const world = makeWorld();
    await command(world, ana, "no check-ins");
    expect(await command(world, ana, "check-ins on")).toBe(onReply);
    expect(await declined(world)).toEqual({});
  });

  it("understands the natural ways of saying it, in any case", async () => {
    const world = makeWorld();
    for (const text of ["no checkins", "No Check-Ins", "no check ins", "stop check-ins", "stop checkins"]) {
      expect(await command(world, ana, text)).toBe(offReply);
      for (const back of ["check-ins on", "check-ins again", "CHECK-INS back on"])
        expect(await command(world, ana, back)).toBe(onReply);
    }
    expect(await declined(world)).toEqual({});
  });

  it("refuses a lead, the care team, or someone in no group, kindly and without changing anything", async () => {
    const world = makeWorld();
    for (const from of ["console:okafor", "console:care-team", "console:stranger"]) {
      expect(await command(world, from, "no check-ins")).toBe(
        "`no check-ins` is for group members. Try `help` to see what you can ask.",
      );
      expect(await command(world, from, "check-ins on")).toBe(
        "`check-ins on` is for group members. Try `help` to see what you can ask.",
      );
    }
    expect(await declined(world)).toEqual({});
  });

  it("is listed in help", async () => {
    const world = makeWorld();
    const help = await command(world, ana, "help");
    expect(help).toContain("• `no check-ins`: Stop getting check-ins; reminders carry on (members)");
    expect(help).toContain("• `check-ins on`: Get check-ins again after `no check-ins` (members)");
  });
});
