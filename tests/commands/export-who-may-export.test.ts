import { describe, expect, it } from "vitest";
import { at } from "../support/outbox-helpers.js";
import { makeWorld } from "../support/world.js";
import { ana, exportAs, fileOf, lindqvist, okafor, twoSessions } from "./export-helpers.js";

describe("who may export", () => {
  it("refuses a member, with no file and no numbers", async () => {
    const world = await twoSessions();
    const reply = await exportAs(world, ana, "export pain-tue");
    expect(reply.text).toMatch(/^That is for the group's leads and care team/);
    expect(reply.blocks.some((block) => block.type === "file")).toBe(false);
  });

  it("refuses the lead of another group", async () => {
    const world = await twoSessions(makeWorld({ now: at.beforeEverything }));
    const reply = await exportAs(world, lindqvist, "export pain-tue answers");
    expect(reply.text).toMatch(/^I can't show you a group called "pain-tue"/);
    expect((await world.store.readGroup("pain-tue")).audit).toEqual([]);
  });

  it("uses a lead's only group when none is named", async () => {
    const world = await twoSessions();
    expect(fileOf(await exportAs(world, okafor, "export answers")).filename).toBe("pain-tue-answers-2026-12-11.csv");
    expect(fileOf(await exportAs(world, okafor, "export")).filename).toBe("pain-tue-climate-2026-12-11.csv");
  });

  it("explains the usage when asked for something else", async () => {
    const world = await twoSessions();
    expect((await exportAs(world, okafor, "export pain-tue everything")).text).toContain(
      "Usage: `export <group> [answers]`",
    );
    expect((await exportAs(world, okafor, "export pain-tue answers please")).text).toContain(
      "Usage: `export <group> [answers]`",
    );
  });
});
