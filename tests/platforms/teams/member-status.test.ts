import { afterEach, describe, expect, it } from "vitest";
import { painTue } from "../../support/flows.js";
import {
  at,
  installed,
  mentionOf,
  people,
  personalChat,
  personalMessage,
  teamsAddress,
  type Person,
} from "./activities.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

/** Cohesion on Teams before session 1's reminder, with Ana, Ben and both leads having opened it. */
async function beforeReminders(): Promise<TeamsHarness> {
  const harness = await startTeams({ now: "2026-11-30T12:00:00Z" });
  for (const person of ["ana", "ben", "okafor", "sam"] as Person[])
    await harness.post(installed(person, harness.connector.url));
  harness.connector.calls.length = 0;
  return harness;
}

function said(person: Person): string {
  return JSON.stringify(teams.connector.posted(personalChat(person)).map((call) => call.body));
}

describe("a member's status through the Teams endpoint", () => {
  it("a lead marks a member hospitalised by @mention in their personal chat: the reply names them, and their reminder stops", async () => {
    teams = await beforeReminders();
    await teams.post({
      ...personalMessage("okafor", `<p>status pain-tue ${at("ana")} hospitalised</p>`, teams.connector.url),
      entities: [mentionOf("ana")],
    });
    expect(said("okafor")).toContain("is now marked hospitalised in Chronic pain skills, Tuesday evening.");
    expect(said("okafor")).toContain(`status pain-tue ${teamsAddress("ana")} active`);
    await teams.sweepAt(painTue.reminder1);
    expect(said("ana")).toBe("[]");
    expect(said("ben")).toContain("I'll be there");
  });

  it("deceased needs the confirmation Cohesion spells out; after it, nothing reaches the member's chat, not even a reply", async () => {
    teams = await beforeReminders();
    await teams.post(personalMessage("sam", `status pain-tue ${people.ana} deceased`, teams.connector.url));
    expect(said("sam")).toContain(`status pain-tue ${people.ana} deceased confirm`);
    expect((await teams.store.readGroup("pain-tue")).memberStatus).toEqual({});

    await teams.post(personalMessage("sam", `status pain-tue ${people.ana} deceased confirm`, teams.connector.url));
    expect(said("sam")).toContain("is now marked deceased");
    expect((await teams.post(personalMessage("ana", "help", teams.connector.url))).status).toBe(200);
    await teams.sweepAt(painTue.reminder1);
    expect(said("ana")).toBe("[]");
  });
});
