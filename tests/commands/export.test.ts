import { describe, expect, it } from "vitest";
import type { FileBlock, Message } from "../../src/kernel/message.js";
import { bySubscale, painTue, putForm, putRsvp, putSession1Answers } from "../support/flows.js";
import { at, careTeam, members, painTueWorld, sweepAt } from "../support/outbox-helpers.js";
import { makeWorld, type World } from "../support/world.js";

const okafor = "console:okafor";
const lindqvist = "console:lindqvist";
const [ana = "", ben = "", carla = "", , , femi = ""] = members;
const header =
  "group,session,date,phase,status,invited,respondents,response_rate,full_checkins," +
  "engaged_mean,engaged_sd,engaged_n,avoiding_mean,avoiding_sd,avoiding_n,conflict_mean,conflict_sd,conflict_n,pulse_mean,pulse_sd,pulse_n,rsvp_yes,rsvp_no,attendance,attendance_source";

/**
 * pain-tue through two sessions, 8 check-ins sent for each:
 * session 1: five full forms and pulses (session1Forms), ana said she'd come and femi that he couldn't;
 * session 2: only ana, ben and carla sent forms (below the floor of 5), nobody tapped the pulse.
 */
async function twoSessions(world: World = painTueWorld()): Promise<World> {
  await sweepAt(world, at.checkin1Due);
  await world.store.updateGroup("pain-tue", (state) => {
    putSession1Answers(state, at.checkin1Due);
    putRsvp(state, ana, 1, "yes", at.reminder1Due);
    putRsvp(state, femi, 1, "no", at.reminder1Due);
  });
  await sweepAt(world, painTue.checkin2);
  await world.store.updateGroup("pain-tue", (state) => {
    for (const member of [ana, ben, carla]) putForm(state, member, 2, bySubscale(3, 3, 3), painTue.checkin2);
  });
  world.clock.set(painTue.closes2);
  return world;
}

async function exportAs(world: World, from: string, text: string, channel?: string): Promise<Message> {
  const outcome = await world.interactions.handle({ type: "command", from, text, ...(channel ? { channel } : {}) });
  if (!("reply" in outcome)) throw new Error("expected a reply");
  return outcome.reply;
}

function fileOf(message: Message): FileBlock {
  const file = message.blocks.find((block): block is FileBlock => block.type === "file");
  if (!file) throw new Error(`expected a file, got "${message.text}"`);
  return file;
}

function lines(file: FileBlock): string[] {
  return new TextDecoder()
    .decode(file.data)
    .split("\r\n")
    .filter((line) => line !== "");
}

describe("export <group>: the figures per session", () => {
  it("gives a lead a CSV with each session's means, sds and answer counts, hand-checked", async () => {
    const world = await twoSessions();
    const reply = await exportAs(world, okafor, "export pain-tue");
    const file = fileOf(reply);
    expect(file).toMatchObject({
      filename: "pain-tue-climate-2026-12-11.csv",
      mediaType: "text/csv",
      title: "Climate per session, Chronic pain skills, Tuesday evening",
    });
    // Engaged 4,4,4,5,5: mean 4.4, sd √0.3 = 0.55; Avoiding 2,2,2,2,1: 1.8, √0.2 = 0.45;
    // Conflict 1,1,0,0,0: 0.4, √0.3 = 0.55; pulse 4,4,3,5,4: 4.0, √0.5 = 0.71; 5 of 8 answered = 0.63.
    expect(lines(file)).toEqual([
      header,
      "pain-tue,1,2026-12-01,early,published,8,5,0.63,5,4.40,0.55,5,1.80,0.45,5,0.40,0.55,5,4.00,0.71,5,1,1,1,rsvp",
      "pain-tue,2,2026-12-08,early,published,8,3,0.38,3,,,3,,,3,,,3,,,0,0,0,0,rsvp",
    ]);
    expect(reply.text).toBe(
      "Here are Chronic pain skills, Tuesday evening's figures for 2 sessions. Cells from fewer than 5 answers, or from a session still collecting answers, are left empty.",
    );
  });

  it("leaves every figure of a session still collecting answers empty, however many answered", async () => {
    const world = await twoSessions();
    world.clock.set(painTue.checkin2);
    const [, , session2] = lines(fileOf(await exportAs(world, okafor, "export pain-tue")));
    expect(session2).toBe("pain-tue,2,2026-12-08,early,collecting,8,3,0.38,3,,,3,,,3,,,3,,,0,0,0,0,rsvp");
  });

  it("gives the attendance a lead recorded, and says so; sessions not recorded give the RSVPs saying yes", async () => {
    const world = await twoSessions();
    await exportAs(world, okafor, "attendance pain-tue 2 6 femi");
    const [, session1, session2] = lines(fileOf(await exportAs(world, okafor, "export pain-tue")));
    expect(session1).toMatch(/,1,1,1,rsvp$/);
    expect(session2).toMatch(/,0,0,6,recorded$/);
  });

  it("gives the care team the same file from its channel", async () => {
    const world = await twoSessions();
    const file = fileOf(await exportAs(world, okafor, "export pain-tue", careTeam));
    const fromChannel = fileOf(await exportAs(world, careTeam, "export pain-tue", careTeam));
    expect(lines(fromChannel)).toEqual(lines(file));
  });

  it("is written to the group's audit log with who and when", async () => {
    const world = await twoSessions();
    await exportAs(world, okafor, "export pain-tue");
    expect((await world.store.readGroup("pain-tue")).audit).toEqual([
      { at: "2026-12-11T19:30:00.000Z", actor: okafor, action: "export-aggregates", subject: "2 rows" },
    ]);
  });

  it("says kindly when there is nothing to export yet, with no file and nothing audited", async () => {
    const world = painTueWorld();
    const reply = await exportAs(world, okafor, "export pain-tue");
    expect(reply.text).toBe("Chronic pain skills, Tuesday evening has not met yet, so there is nothing to export.");
    expect(reply.blocks.some((block) => block.type === "file")).toBe(false);
    expect((await world.store.readGroup("pain-tue")).audit).toEqual([]);
  });
});

describe("export <group> answers: members' answers under codes", () => {
  it("gives a lead one row per member and session, under codes, with the answers and scores", async () => {
    const world = await twoSessions();
    const reply = await exportAs(world, okafor, "export pain-tue answers");
    const file = fileOf(reply);
    expect(file.filename).toBe("pain-tue-answers-2026-12-11.csv");
    const [head, ...rows] = lines(file);
    expect(head).toBe(
      "member_code,session,date,phase,pulse-1," +
        Array.from({ length: 12 }, (_, i) => `gcq-${i + 1}`).join(",") +
        ",engaged,avoiding,conflict,form_counts",
    );
    expect(rows).toHaveLength(8);
    const code = /^M-[0-9a-f]{10}$/;
    for (const row of rows) expect(row.split(",")[0]).toMatch(code);
    // ana, session 1: pulse 4; items by subscale e e a e a c c e a c e c = 4 4 2 4 2 1 1 4 2 1 4 1.
    expect(rows).toContainEqual(
      expect.stringMatching(/^M-[0-9a-f]{10},1,2026-12-01,early,4,4,4,2,4,2,1,1,4,2,1,4,1,4\.00,2\.00,1\.00,yes$/),
    );
    // Session 2 forms have no pulse.
    expect(rows.filter((row) => row.split(",")[1] === "2")).toEqual(
      Array(3).fill(expect.stringMatching(/,2,2026-12-08,early,,3,3,3,3,3,3,3,3,3,3,3,3,3\.00,3\.00,3\.00,yes$/)),
    );
    expect(reply.text).toContain("each member under a code that stays the same for this group");
  });

  it("never shows names or platform addresses, and orders rows by session and code, not by name", async () => {
    const world = await twoSessions();
    const text = new TextDecoder().decode(fileOf(await exportAs(world, okafor, "export pain-tue answers")).data);
    for (const name of ["ana", "ben", "carla", "dev", "erin", "console"]) expect(text).not.toContain(name);
    const keys = lines(fileOf(await exportAs(world, okafor, "export pain-tue answers")))
      .slice(1)
      .map((row) => row.split(","))
      .map(([code = "", session = ""]) => `${session}|${code}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("keeps each member's code the same from one export to the next, and makes it once per organisation", async () => {
    const world = await twoSessions();
    const first = lines(fileOf(await exportAs(world, okafor, "export pain-tue answers")));
    const key = (await world.store.readOrganisation()).memberCodeKey;
    expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const second = lines(fileOf(await exportAs(world, "console:sam", "export pain-tue answers")));
    expect(second).toEqual(first);
    expect((await world.store.readOrganisation()).memberCodeKey).toBe(key);
  });

  it("gives the same member a different code in another organisation's store (the key is random)", async () => {
    const codes = async () =>
      lines(fileOf(await exportAs(await twoSessions(), okafor, "export pain-tue answers")))
        .slice(1)
        .map((row) => row.split(",")[0]);
    const [one, two] = [await codes(), await codes()];
    expect(one).not.toEqual(two);
  });

  it("is for the group's leads only: the care team's channel is refused kindly, and nothing is audited", async () => {
    const world = await twoSessions();
    const reply = await exportAs(world, careTeam, "export pain-tue answers", careTeam);
    expect(reply.text).toBe(
      "Members' answers are for the group's leads only. `export pain-tue` gives the figures per session.",
    );
    expect(reply.blocks.some((block) => block.type === "file")).toBe(false);
    expect((await world.store.readGroup("pain-tue")).audit).toEqual([]);
  });

  it("is written to the audit log as an export of members' answers", async () => {
    const world = await twoSessions();
    await exportAs(world, okafor, "export pain-tue answers");
    expect((await world.store.readGroup("pain-tue")).audit).toEqual([
      { at: "2026-12-11T19:30:00.000Z", actor: okafor, action: "export-member-answers", subject: "8 rows" },
    ]);
  });
});

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
