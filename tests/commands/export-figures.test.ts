import { describe, expect, it } from "vitest";
import { painTue } from "../support/flows.js";
import { careTeam, painTueWorld } from "../support/outbox-helpers.js";
import { exportAs, fileOf, lines, okafor, twoSessions } from "./export-helpers.js";
import { withoutChain } from "../support/audit-entries.js";

const header =
  "group,session,date,phase,status,invited,respondents,response_rate,full_checkins," +
  "engaged_mean,engaged_sd,engaged_n,avoiding_mean,avoiding_sd,avoiding_n,conflict_mean,conflict_sd,conflict_n,pulse_mean,pulse_sd,pulse_n,rsvp_yes,rsvp_no,attendance,attendance_source";

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
    expect(withoutChain((await world.store.readGroup("pain-tue")).audit)).toEqual([
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
