import { afterEach, describe, expect, it } from "vitest";
import { at } from "../../support/outbox-helpers.js";
import { painTue } from "../../support/flows.js";
import { executed, installed, personalChat, teamsAddress, type Person } from "./activities.js";
import { actionData, cardText, lastCard } from "./cards.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

/** The card that replaced the one pressed (the invoke response), or a test failure. */
function replacement(response: { status: number; body: unknown }): Record<string, unknown> {
  const body = response.body as { type: string; value: Record<string, unknown> };
  expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
  return body.value;
}

async function installAll(people: Person[]): Promise<void> {
  for (const person of people) await teams.post(installed(person, teams.connector.url));
}

describe("a member's buttons on Teams", () => {
  it('offers contact after "Hard going" in place of the check-in, and a yes reaches both leads', async () => {
    teams = await startTeams();
    await installAll(["ana", "okafor", "sam"]);
    await teams.sweepAt(painTue.checkin1);
    const { id, card } = lastCard(teams.connector.posted(personalChat("ana")));
    const pressSend = executed("ana", { ...actionData(card, "Send"), "answer.pulse-1": "1" }, id, teams.connector.url);
    const offer = replacement(await teams.post(pressSend));
    expect(cardText(offer)).toContain("Would you like one of your leads to get in touch?");
    expect(cardText(offer)).not.toContain("If you need help now");

    const yes = executed("ana", actionData(offer, "Yes, please"), id, teams.connector.url);
    expect(cardText(replacement(await teams.post(yes)))).toContain("I've asked your leads to get in touch with you.");
    for (const lead of ["okafor", "sam"] as Person[]) {
      const cards = teams.connector.posted(personalChat(lead)).map((call) => cardText(lastCard([call]).card));
      expect(cards.filter((text) => text.includes("would like one of you to get in touch"))).toHaveLength(1);
    }
    expect((await teams.store.readGroup("pain-tue")).alerts).toEqual({});
  });

  it("welcomes without the place in the notification, and stores who has read the orientation", async () => {
    teams = await startTeams();
    await installAll(["ana"]);
    await teams.sweepAt(at.beforeEverything);
    await teams.sweepAt(at.orientationDue);
    const welcome = teams.connector.posted(personalChat("ana")).at(-1)!;
    expect(welcome.body["summary"]).toBe("Welcome to your Tuesday group. A few things to know before you start.");
    expect(cardText(lastCard([welcome]).card)).toContain("Room 2.14");

    await teams.sweepAt(at.reminder1Due);
    const yourPart = lastCard(
      teams.connector.posted(personalChat("ana")).filter((c) => JSON.stringify(c.body).includes("Your part")),
    );
    const read = executed("ana", actionData(yourPart.card, "I've read this"), yourPart.id, teams.connector.url);
    const response = await teams.post(read);
    expect((response.body as { value: string }).value).toContain("Thank you for reading it.");
    expect(Object.keys((await teams.store.readGroup("pain-tue")).orientationRead)).toEqual([teamsAddress("ana")]);
  });
});
