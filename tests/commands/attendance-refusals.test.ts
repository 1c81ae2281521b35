import { describe, expect, it } from "vitest";
import { toAddress } from "../../src/kernel/address.js";
import { command, painTue } from "../support/flows.js";
import { afterSession2, group, okafor, stored } from "./attendance-helpers.js";

describe("attendance refuses kindly and changes nothing", () => {
  const cases: [string, string, string | RegExp][] = [
    [
      "a session not yet held",
      "attendance pain-tue 3 6",
      "Session 3 hasn't been held yet (it is on Tuesday 15 December, 18:00). You can record who came once it has started.",
    ],
    [
      "a session beyond the course",
      "attendance pain-tue 9 6",
      `${group} has 8 sessions, so there is no session 9. Nothing was recorded.`,
    ],
    [
      "session 0",
      "attendance pain-tue 0 6",
      "Sessions are numbered from 1. Usage: `attendance <group> <session> <count> [absent members]`",
    ],
    [
      "a count above the group's size",
      "attendance pain-tue 2 9",
      `${group} had 8 members at session 2, so at most 8 can have come. Nothing was recorded.`,
    ],
    [
      "more came and named absent than the group has",
      "attendance pain-tue 2 7 ana ben",
      `7 came and 2 named as absent makes more than the 8 members ${group} had at session 2. Nothing was recorded.`,
    ],
    [
      "a name that is not a member",
      "attendance pain-tue 2 6 ana zed",
      /^I couldn't find "zed" among the members of Chronic pain skills, Tuesday evening\. .* Nothing was recorded\.$/,
    ],
    ["a lead named as absent", "attendance pain-tue 2 6 okafor", /^I couldn't find "okafor" among the members/],
    [
      "a count in words",
      "attendance pain-tue 2 six",
      "How many came should be a whole number, such as 3. Usage: `attendance <group> <session> <count> [absent members]`",
    ],
    [
      "a missing count",
      "attendance pain-tue 2",
      "attendance needs the group, the session and how many came. Usage: `attendance <group> <session> <count> [absent members]`",
    ],
  ];

  it.each(cases)("%s", async (_name, text, reply) => {
    const world = afterSession2();
    const answer = await command(world, okafor, text);
    if (typeof reply === "string") expect(answer).toBe(reply);
    else expect(answer).toMatch(reply);
    expect(await stored(world)).toEqual({ attendance: {}, audit: [] });
  });

  it("a cancelled session", async () => {
    const world = afterSession2((g) => ({ ...g, changes: [{ session: 2, cancelled: true }] }));
    world.clock.set(painTue.closes3);
    expect(await command(world, okafor, "attendance pain-tue 2 6")).toBe(
      "Session 2 was cancelled, so there is no attendance to record. Nothing was recorded.",
    );
    expect(await stored(world)).toEqual({ attendance: {}, audit: [] });
  });

  it("a member who had withdrawn before the session, who does not count towards its size either", async () => {
    const world = afterSession2();
    world.clock.set("2026-12-05T10:00:00Z");
    await command(world, okafor, "status pain-tue femi withdrawn confirm");
    world.clock.set("2026-12-08T19:40:00Z");
    expect(await command(world, okafor, "attendance pain-tue 2 6 femi")).toBe(
      `"femi" had left ${group} before session 2, so they don't count for it. Nothing was recorded.`,
    );
    expect(await command(world, okafor, "attendance pain-tue 2 8")).toBe(
      `${group} had 7 members at session 2, so at most 7 can have come. Nothing was recorded.`,
    );
    expect((await stored(world)).attendance).toEqual({});
  });

  it("a member who joined after the session, who can't have missed it, and who does not count towards its size", async () => {
    const world = afterSession2((g) => ({ ...g, members: [...g.members, toAddress("console:ines")] }));
    await world.store.updateGroup("pain-tue", (state) => {
      state.joined["console:ines"] = "2026-12-05T10:00:00.000Z";
    });
    expect(await command(world, okafor, "attendance pain-tue 1 7 ines")).toBe(
      `"ines" joined ${group} after session 1, so they can't have missed it. Nothing was recorded.`,
    );
    expect(await command(world, okafor, "attendance pain-tue 1 9")).toBe(
      `${group} had 8 members at session 1, so at most 8 can have come. Nothing was recorded.`,
    );
    expect(await stored(world)).toEqual({ attendance: {}, audit: [] });
  });
});
