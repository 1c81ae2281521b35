import { describe, expect, it } from "vitest";
import { toAddress } from "../../src/kernel/address.js";
import { groupStateSchema } from "../../src/core/state.js";
import { command, painTue } from "../support/flows.js";
import { allText, careTeam, members, painTueWorld, sentContaining, sweepAt } from "../support/outbox-helpers.js";
import { makeWorld, type World } from "../support/world.js";
import type { Group } from "../../src/core/setup/index.js";

const okafor = "console:okafor";
const sam = "console:sam";
const lindqvist = "console:lindqvist";
const [ana = "", ben = ""] = members;
const group = "Chronic pain skills, Tuesday evening";

/** pain-tue just after session 2's check-ins went out; `edit` changes the group's configuration first. */
function afterSession2(edit?: (group: Group) => Group): World {
  return painTueWorld({ now: painTue.checkin2, ...(edit ? { edit } : {}) });
}

async function stored(world: World) {
  const state = await world.store.readGroup("pain-tue");
  return { attendance: state.attendance, audit: state.audit };
}

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
    expect(audit).toEqual([
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

describe("attendance in summaries and digests", () => {
  it("a summary shows the attendance a lead recorded, and the RSVPs for sessions not recorded", async () => {
    const world = afterSession2();
    await world.store.updateGroup("pain-tue", (state) => {
      state.rsvps[`${ana}|1`] = { response: "no", at: painTue.reminder1 };
    });
    await command(world, okafor, "attendance pain-tue 2 6");
    const summary = await command(world, okafor, "summary pain-tue");
    expect(summary).toMatch(/\*Session 1\*[^*]*RSVP 0 yes, 1 can't come/);
    expect(summary).toMatch(/\*Session 2\*[^*]*Attended 6 of 8 \(recorded\)/);
  });

  it("a summary reminds the leads, in one line, when the latest session's attendance is not recorded, until it is", async () => {
    const world = afterSession2();
    expect(await command(world, okafor, "summary pain-tue")).toContain(
      "Attendance not recorded for session 2: `attendance pain-tue 2 <count>`",
    );
    await command(world, okafor, "attendance pain-tue 2 8");
    expect(await command(world, okafor, "summary pain-tue")).not.toContain("Attendance not recorded");
  });

  it("the care team's digest after a session says when its attendance is not recorded", async () => {
    const world = painTueWorld();
    await sweepAt(world, painTue.closes1);
    const [digest] = sentContaining(world, "Digest after session 1");
    expect(digest?.to).toBe(careTeam);
    expect(allText(digest!.message)).toContain(
      "Attendance not recorded for session 1: `attendance pain-tue 1 <count>`",
    );
  });
});
