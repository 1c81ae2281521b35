import { describe, expect, it } from "vitest";
import { command, painTue } from "../support/flows.js";
import { careTeam } from "../support/outbox-helpers.js";
import { makeWorld } from "../support/world.js";
import { afterSession2, ana, group, lindqvist, stored } from "./attendance-helpers.js";

describe("who may record attendance", () => {
  it("only the group's leads: the care team is refused, even from its channel", async () => {
    const world = afterSession2();
    expect(await command(world, careTeam, "attendance pain-tue 2 6", careTeam)).toBe(
      `Attendance is recorded by the leads of ${group}, so I haven't changed anything.`,
    );
    expect(await stored(world)).toEqual({ attendance: {}, audit: [] });
  });

  it("not a member", async () => {
    const world = afterSession2();
    expect(await command(world, ana, "attendance pain-tue 2 6")).toMatch(
      /^That is for the group's leads and care team/,
    );
    expect(await stored(world)).toEqual({ attendance: {}, audit: [] });
  });

  it("not the lead of another group, who learns nothing about it", async () => {
    const world = makeWorld({ now: painTue.checkin2 });
    expect(await command(world, lindqvist, "attendance pain-tue 2 6 ana")).toBe(
      'I can\'t show you a group called "pain-tue". Summaries of a group are for its leads and care team; yours are: segt-thu.',
    );
    expect(await stored(world)).toEqual({ attendance: {}, audit: [] });
  });
});
