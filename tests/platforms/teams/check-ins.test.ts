import { afterEach, describe, expect, it } from "vitest";
import { painTue } from "../../support/flows.js";
import { installed, personalChat, personalMessage, type Person } from "./activities.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

function said(person: Person): string {
  return JSON.stringify(teams.connector.posted(personalChat(person)).map((call) => call.body));
}

describe("no check-ins through the Teams endpoint", () => {
  it("a member writes no check-ins in their personal chat: a warm reply, and no check-in after the session", async () => {
    teams = await startTeams({ now: "2026-12-01T19:00:00Z" });
    for (const person of ["ana", "ben"] as Person[]) await teams.post(installed(person, teams.connector.url));
    teams.connector.calls.length = 0;

    await teams.post(personalMessage("ana", "no checkins", teams.connector.url));
    expect(said("ana")).toContain("You won't get check-ins from now on");
    expect(said("ana")).toContain("check-ins on");

    await teams.sweepAt(painTue.checkin1);
    expect(said("ana")).not.toContain("Full check-in");
    expect(said("ben")).toContain("Full check-in");
  });
});
