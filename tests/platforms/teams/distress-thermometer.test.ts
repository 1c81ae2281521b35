import { afterEach, describe, expect, it } from "vitest";
import { painTue } from "../../support/flows.js";
import { withDtRule, withThermometer } from "../../support/distress-thermometer.js";
import { executed, installed, personalChat, type Person } from "./activities.js";
import { actionData, cardProblems, cardText, inputsOf, lastCard } from "./cards.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

async function openCheckin(person: Person) {
  const checkin = lastCard(teams.connector.posted(personalChat(person)));
  const opened = await teams.post(
    executed(person, actionData(checkin.card, /Full check-in/), checkin.id, teams.connector.url),
  );
  return { checkin, form: (opened.body as { value: Record<string, unknown> }).value };
}

describe("the distress thermometer on Teams", () => {
  it("is the check-in card's last question, 0 to 10, and 4 or more alerts the leads with the crisis lines shown", async () => {
    teams = await startTeams({ organisation: withDtRule, group: withThermometer });
    for (const person of ["ana", "okafor", "sam"] as Person[]) await teams.post(installed(person, teams.connector.url));
    await teams.sweepAt(painTue.checkin1);
    const { checkin, form } = await openCheckin("ana");
    expect(cardProblems(form)).toEqual([]);
    const inputs = inputsOf(form);
    expect(inputs).toHaveLength(13);
    expect(inputs.at(-1)?.id).toBe("answer.dt-1");
    expect(JSON.stringify(inputs.at(-1))).toContain('"value":"10"');

    const answers = Object.fromEntries(inputs.map((input) => [input.id, "3"]));
    const sent = await teams.post(
      executed(
        "ana",
        { ...actionData(form, "Send my answers"), ...answers, "answer.dt-1": "8" },
        checkin.id,
        teams.connector.url,
      ),
    );
    expect(cardText((sent.body as { value: Record<string, unknown> }).value)).toContain("Samaritans");
    const state = await teams.store.readGroup("pain-tue");
    expect(Object.values(state.alerts)).toMatchObject([{ kind: "distress", item: "dt-1", value: 8 }]);
    for (const lead of ["okafor", "sam"] as Person[]) {
      const cards = teams.connector.posted(personalChat(lead)).map((call) => cardText(lastCard([call]).card));
      expect(cards.filter((text) => text.includes("A member gave a distress answer"))).toHaveLength(1);
    }
  });
});
