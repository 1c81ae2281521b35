import { describe, expect, it } from "vitest";
import { command, painTue } from "../support/flows.js";
import { allText, careTeam, painTueWorld, sentContaining, sweepAt } from "../support/outbox-helpers.js";
import { afterSession2, ana, okafor } from "./attendance-helpers.js";

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
