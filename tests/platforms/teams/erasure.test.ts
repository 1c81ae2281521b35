import { afterEach, describe, expect, it } from "vitest";
import { executed, installed, people, personalChat, personalMessage, teamsAddress, type Person } from "./activities.js";
import { actionData, cardText, lastCard } from "./cards.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

async function opened(): Promise<TeamsHarness> {
  const harness = await startTeams({ now: "2026-12-01T18:00:00Z" });
  for (const person of ["ana", "okafor", "sam"] as Person[])
    await harness.post(installed(person, harness.connector.url));
  harness.connector.calls.length = 0;
  return harness;
}

describe("erasure through the Teams endpoint", () => {
  it("a lead asks to forget a member and presses the card's button; another lead's press of it changes nothing", async () => {
    teams = await opened();
    await teams.store.updateGroup("pain-tue", (state) => {
      state.answers[`${teamsAddress("ana")}|1|pulse|pulse-1`] = { value: 4, at: "2026-12-01T18:00:00.000Z" };
    });
    await teams.post(personalMessage("okafor", `forget pain-tue ${people.ana}`, teams.connector.url));
    const { id, card } = lastCard(teams.connector.posted(personalChat("okafor")));
    expect(cardText(card)).toContain("erased once you confirm: 1 answer,");

    await teams.post(executed("sam", actionData(card, "Erase their data"), id, teams.connector.url));
    expect(Object.keys((await teams.store.readGroup("pain-tue")).answers)).toHaveLength(1);

    const pressed = await teams.post(executed("okafor", actionData(card, "Erase their data"), id, teams.connector.url));
    expect(JSON.stringify(pressed.body)).toContain(
      "A member's data in Chronic pain skills, Tuesday evening is erased.",
    );
    expect((await teams.store.readGroup("pain-tue")).answers).toEqual({});
  });

  it("a member asks `my data` in their personal chat", async () => {
    teams = await opened();
    await teams.post(personalMessage("ana", "my data", teams.connector.url));
    expect(JSON.stringify(teams.connector.posted(personalChat("ana")))).toContain(
      "Here is what Cohesion keeps about you",
    );
  });
});
