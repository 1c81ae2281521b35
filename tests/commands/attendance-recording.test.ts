import { describe, expect, it } from "vitest";
import { toAddress } from "../../src/kernel/address.js";
import { groupStateSchema } from "../../src/core/state.js";
import { command, painTue } from "../support/flows.js";
import { afterSession2, ben, group, okafor, sam, stored } from "./attendance-helpers.js";
import { withoutChain } from "../support/audit-entries.js";

describe("attendance <group> <session> <count>: a lead records who actually came", () => {
  it("thanks the lead, says what was recorded, and keeps it with who and when", async () => {
    const world = afterSession2();
    expect(await command(world, okafor, "attendance pain-tue 2 8")).toBe(
      `Thank you. Session 2 of ${group}: 8 of 8 came.`,
    );
    expect((await stored(world)).attendance).toEqual({
      "2": { came: 8, absent: [], by: okafor, at: "2026-12-08T19:40:00.000Z" },
    });
  });

  it("takes absent members by name, @name or address, separated by spaces or commas", async () => {
    const world = afterSession2();
    const reply = await command(world, okafor, "attendance pain-tue 1 5 ana, @ben console:carla");
    expect(reply).toBe(`Thank you. Session 1 of ${group}: 5 of 8 came; 3 named as absent.`);
    expect((await stored(world)).attendance["1"]?.absent).toEqual(["console:ana", "console:ben", "console:carla"]);
  });

  it("says so when some did not come and nobody was named, so a lead can add names", async () => {
    const world = afterSession2();
    expect(await command(world, okafor, "attendance pain-tue 2 6")).toBe(
      `Thank you. Session 2 of ${group}: 6 of 8 came; nobody named as absent.`,
    );
  });

  it("understands a Slack mention, even when its name has spaces", async () => {
    const world = afterSession2((g) => ({ ...g, members: [...g.members, toAddress("slack:U0INES")] }));
    await command(world, okafor, "attendance pain-tue 2 7 <@U0INES|Ines Ruiz> ana");
    expect((await stored(world)).attendance["2"]?.absent).toEqual(["slack:U0INES", "console:ana"]);
  });

  it("replaces the earlier record when a lead records the same session again, and both are in the audit log", async () => {
    const world = afterSession2();
    await command(world, okafor, "attendance pain-tue 2 6 ana");
    world.clock.advanceHours(1);
    expect(await command(world, sam, "attendance pain-tue 2 7 ben")).toBe(
      `Thank you. Session 2 of ${group}: 7 of 8 came; 1 named as absent. This replaces the earlier record.`,
    );
    const { attendance, audit } = await stored(world);
    expect(attendance).toEqual({ "2": { came: 7, absent: [ben], by: sam, at: "2026-12-08T20:40:00.000Z" } });
    expect(withoutChain(audit)).toEqual([
      {
        at: "2026-12-08T19:40:00.000Z",
        actor: okafor,
        action: "attendance-recorded",
        subject: "session 2: 6 came, 1 named absent",
      },
      {
        at: "2026-12-08T20:40:00.000Z",
        actor: sam,
        action: "attendance-recorded",
        subject: "session 2: 7 came, 1 named absent",
      },
    ]);
  });

  it("logs no names or addresses", async () => {
    const world = afterSession2();
    await command(world, okafor, "attendance pain-tue 2 6 ana ben");
    await command(world, okafor, "attendance pain-tue 2 6 nobody");
    expect(JSON.stringify(world.logger.lines)).not.toMatch(/ana|ben|okafor|nobody/);
  });

  it("loads a group document stored before attendance was recorded", () => {
    const older = {
      schemaVersion: 1,
      groupId: "pain-tue",
      outbox: {},
      prompts: {},
      answers: {},
      rsvps: {},
      paused: {},
      joined: {},
      audit: [],
      alerts: {},
    };
    expect(groupStateSchema.parse(older).attendance).toEqual({});
    expect(
      groupStateSchema.safeParse({
        ...older,
        attendance: { "2": { came: -1, absent: [], by: okafor, at: painTue.checkin2 } },
      }).success,
    ).toBe(false);
  });
});
