import { describe, expect, it } from "vitest";
import { consoleAt } from "./console-harness.js";

describe("a member's status in the console", () => {
  it("a lead puts a member on hold: the reply names them, and playing them, their reminder never comes", async () => {
    const { type } = consoleAt("2026-11-30T12:00:00Z");
    const reply = await type("/as lead okafor", "/cohesion status pain-tue ana on-hold");
    expect(reply).toContain("ana: is now marked on hold in Chronic pain skills, Tuesday evening.");
    expect(reply).toContain("When they're back, type status pain-tue ana active.");
    const later = await type("/as member ana", "/clock +1d");
    expect(later).not.toContain("── Cohesion → ana");
    expect(later).toContain("(simulated) to ben (member): Your Tuesday group meets");
  });

  it("deceased: asked to confirm with the exact words, then the member's chat stays silent, even to a command", async () => {
    const { type, store } = consoleAt("2026-11-30T12:00:00Z");
    const asked = await type("/simulate off", "/as lead okafor", "/cohesion status pain-tue ana deceased");
    expect(asked).toContain(
      "Nothing has changed yet. To go ahead, type exactly:\nstatus pain-tue ana deceased confirm",
    );
    expect((await store.readGroup("pain-tue")).memberStatus).toEqual({});
    expect(await type("/cohesion status pain-tue ana deceased confirm")).toContain("ana: is now marked deceased");

    expect(await type("/as member ana", "/cohesion help")).toBe("You are now you (ana, member).\n");
    expect(await type("/clock +1d")).not.toContain("── Cohesion → ana");
  });
});
