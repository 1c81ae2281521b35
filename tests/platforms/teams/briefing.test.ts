import { afterEach, describe, expect, it } from "vitest";
import { installed, personalChat, type Person } from "./activities.js";
import { cardText, lastCard } from "./cards.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

describe("the leads' briefing on Teams", () => {
  it("reaches each lead's personal chat three hours before the session, and no member's", async () => {
    teams = await startTeams({ now: "2026-12-01T14:00:00Z" });
    for (const person of ["ana", "okafor", "sam"] as Person[]) await teams.post(installed(person, teams.connector.url));
    await teams.sweepAt("2026-12-01T15:00:00Z");
    for (const lead of ["okafor", "sam"] as Person[]) {
      const briefing = teams.connector
        .posted(personalChat(lead))
        .map((call) => cardText(lastCard([call]).card))
        .find((text) => text.includes("Briefing before session 1"));
      expect(briefing).toContain("Safety: no urgent alerts open.");
      expect(briefing).toContain("Worth considering, if it fits: principle 1 (pre-group preparation).");
    }
    const toAna = teams.connector.posted(personalChat("ana")).map((call) => cardText(lastCard([call]).card));
    expect(toAna.filter((text) => text.includes("Briefing before session"))).toEqual([]);
  });
});
