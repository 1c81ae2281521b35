import { describe, expect, it } from "vitest";
import { careTeam } from "../support/outbox-helpers.js";
import { exportAs, fileOf, lines, okafor, twoSessions } from "./export-helpers.js";
import { withoutChain } from "../support/audit-entries.js";

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
    expect(withoutChain((await world.store.readGroup("pain-tue")).audit)).toEqual([
      { at: "2026-12-11T19:30:00.000Z", actor: okafor, action: "export-member-answers", subject: "8 rows" },
    ]);
  });
});
