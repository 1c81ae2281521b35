import { afterEach, describe, expect, it } from "vitest";
import { painTue } from "../../support/flows.js";
import { executed, installed, personalChat, personalMessage } from "./activities.js";
import { actionData, lastCard } from "./cards.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

async function answersStored(): Promise<number> {
  return Object.keys((await teams.store.readGroup("pain-tue")).answers).length;
}

async function checkinFor(...people: ("ana" | "ben")[]) {
  teams = await startTeams({ now: painTue.checkin1 });
  for (const person of people) await teams.post(installed(person, teams.connector.url));
  await teams.sweepAt(painTue.checkin1);
  return lastCard(teams.connector.posted(personalChat("ana")));
}

describe("one effect for activities Teams sends twice and for double taps", () => {
  it("answers a command once when Teams re-sends the same activity", async () => {
    teams = await startTeams();
    const activity = personalMessage("ana", "help", teams.connector.url);
    await teams.post(activity);
    await teams.post(activity);
    expect(teams.connector.posted(personalChat("ana"))).toHaveLength(1);
  });

  it("gives a re-sent card action the first answer's card, storing it once", async () => {
    const { id, card } = await checkinFor("ana");
    const tap = executed("ana", { ...actionData(card, "Send"), "answer.pulse-1": "3" }, id, teams.connector.url);
    const first = await teams.post(tap);
    const again = await teams.post(tap);
    expect(again).toEqual(first);
    expect(await answersStored()).toBe(1);
  });

  it("stores a double tap once and thanks the member both times", async () => {
    const { id, card } = await checkinFor("ana");
    const data = { ...actionData(card, "Send"), "answer.pulse-1": "4" };
    const [one, two] = await Promise.all([
      teams.post(executed("ana", data, id, teams.connector.url)),
      teams.post(executed("ana", data, id, teams.connector.url)),
    ]);
    for (const response of [one, two]) expect(JSON.stringify(response?.body)).toContain("Thank you, that's saved");
    expect(await answersStored()).toBe(1);
  });

  it("lets only the member a check-in was sent to answer it", async () => {
    const { id, card } = await checkinFor("ana", "ben");
    const response = await teams.post(
      executed("ben", { ...actionData(card, "Send"), "answer.pulse-1": "1" }, id, teams.connector.url),
    );
    expect(response.body).toMatchObject({ type: "application/vnd.microsoft.activity.message" });
    expect(JSON.stringify(response.body)).not.toContain("Thank you, that's saved");
    expect(await answersStored()).toBe(0);
  });
});
