import { describe, expect, it } from "vitest";
import { command, putForm, putPulse, session1Forms } from "../../support/flows.js";
import { at, painTueWorld } from "../../support/outbox-helpers.js";
import type { World } from "../../support/world.js";

const okafor = "console:okafor";
const careTeam = "console:care-team";

/** Session 4 is a week away; session 1 had four full check-ins: enough for the leads (3), not for the care team (5). */
async function fourAnsweredSession1(): Promise<World> {
  const world = painTueWorld({ now: "2026-12-20T12:00:00Z" });
  await world.store.updateGroup("pain-tue", (state) => {
    for (const [member, values, pulse] of session1Forms.slice(0, 4)) {
      putForm(state, member, 1, values, at.checkin1Due);
      putPulse(state, member, 1, pulse, at.checkin1Due);
    }
  });
  return world;
}

/** The line of figures under session 1's heading in a summary. */
function session1Line(summary: string): string | undefined {
  const lines = summary.split("\n");
  return lines[lines.findIndex((line) => line.startsWith("*Session 1*")) + 1];
}

describe("a lead's summary of a session whose answers were erased after it closed", () => {
  it("shows the leads the session's figures from four answers while nothing was erased", async () => {
    const world = await fourAnsweredSession1();
    expect(session1Line(await command(world, okafor, "summary pain-tue"))).toBe(
      "Engaged 4.3 · Avoiding 2.0 · Conflict 0.5 · 4 full check-ins",
    );
  });

  it("says the figures are not shown because only what the care team could see was kept, not that too few answered", async () => {
    const world = await fourAnsweredSession1();
    await command(world, okafor, "forget pain-tue ana confirm");
    const line = session1Line(await command(world, okafor, "summary pain-tue"));
    expect(line).toBe(
      "Group climate: not shown. Members' answers were erased since, so only the figures published to the care team are kept, and those need 5 answers (this session had 4)",
    );
    expect(line).not.toContain("of 3 needed");
  });

  it("tells the care team, whose floor it is, simply that there were too few answers", async () => {
    const world = await fourAnsweredSession1();
    await command(world, okafor, "forget pain-tue ana confirm");
    expect(session1Line(await command(world, careTeam, "summary pain-tue", careTeam))).toBe(
      "Group climate: not enough responses yet (4 of 5 needed)",
    );
  });
});
