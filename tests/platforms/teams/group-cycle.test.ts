import { afterEach, describe, expect, it } from "vitest";
import { allText } from "../../support/outbox-helpers.js";
import { painTue } from "../../support/flows.js";
import {
  executed,
  installed,
  personalChat,
  personalMessage,
  submitted,
  teamsAddress,
  type Person,
} from "./activities.js";
import { actionData, actionsOf, cardProblems, cardText, inputsOf, lastCard } from "./cards.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

const orientationDue = "2026-11-28T18:00:00Z";
const reachable: Person[] = ["ana", "ben", "carla", "dev", "erin", "femi", "grace"];

/** The invoke response's card (the answered card's replacement), or a test failure. */
function replacement(response: { status: number; body: unknown }): Record<string, unknown> {
  const body = response.body as { type: string; value: Record<string, unknown> };
  expect(response.status).toBe(200);
  expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
  return body.value;
}

async function press(person: Person, title: string | RegExp, answers: Record<string, string> = {}) {
  const { id, card } = lastCard(teams.connector.posted(personalChat(person)));
  return teams.post(executed(person, { ...actionData(card, title), ...answers }, id, teams.connector.url));
}

describe("a whole session on Teams, with the care team on Slack", () => {
  it("prepares, reminds, checks in and reports, telling the leads about the member who never opened the app", async () => {
    teams = await startTeams({ careTeamOn: "slack" });
    for (const person of [...reachable, "okafor", "sam"] as Person[])
      await teams.post(installed(person, teams.connector.url));

    await teams.sweepAt("2026-11-27T18:00:00Z");
    await teams.sweepAt(orientationDue);
    for (const person of reachable)
      expect(cardText(lastCard(teams.connector.posted(personalChat(person))).card)).toContain(
        "Welcome to your Tuesday group",
      );
    await teams.sweepAt("2026-11-28T18:01:00Z");
    const notice = lastCard(teams.connector.posted(personalChat("okafor"))).card;
    expect(cardText(notice)).toContain("isn't getting Cohesion's messages");
    expect(cardText(notice)).toContain("hasn't opened Cohesion yet");
    expect(JSON.stringify(notice)).toContain(`"id":"${teamsAddress("hugo").slice(6)}"`);

    await teams.sweepAt(painTue.reminder1);
    const rsvp = replacement(await press("ana", /be there/));
    expect(cardText(rsvp)).toContain("See you there");
    expect(cardText(rsvp)).not.toContain("be there");

    await teams.sweepAt(painTue.checkin1);
    const pulseThanks = replacement(await press("ana", "Send", { "answer.pulse-1": "4" }));
    expect(cardText(pulseThanks)).toContain("Thank you, that's saved");

    for (const person of ["ben", "carla", "dev", "erin", "femi"] as Person[]) {
      const checkin = lastCard(teams.connector.posted(personalChat(person)));
      const form = replacement(await press(person, /Full check-in/));
      expect(cardProblems(form)).toEqual([]);
      const inputs = inputsOf(form);
      expect(inputs).toHaveLength(12);
      const answers = Object.fromEntries(inputs.map((input, i) => [input.id, String(i % 2 === 0 ? 4 : 1)]));
      const sent = await teams.post(
        executed(person, { ...actionData(form, "Send my answers"), ...answers }, checkin.id, teams.connector.url),
      );
      expect(cardText(replacement(sent))).toContain("Your answers are saved and go only to your group leaders");
    }

    await teams.sweepAt(painTue.closes1);
    const digest = teams.slack.sent.find(
      (s) => s.to === "slack:C0CARETEAM" && allText(s.message).includes("Digest after session 1"),
    );
    expect(digest).toBeDefined();
    expect(allText(digest!.message)).toMatch(/5 full check-ins|from 5/);

    await teams.post(personalMessage("okafor", "summary pain-tue", teams.connector.url));
    expect(cardText(lastCard(teams.connector.posted(personalChat("okafor"))).card)).toContain("Engaged");
    await teams.post(personalMessage("grace", "summary pain-tue", teams.connector.url));
    const refusal = cardText(lastCard(teams.connector.posted(personalChat("grace"))).card);
    // A member may not run `summary`, so the words go to the leads like any other message.
    expect(refusal).toContain("I've passed your message to your group leaders");
    expect(refusal).not.toContain("Engaged");
  });

  it("takes an answer from clients without Universal Actions (Action.Submit) and updates that card in place", async () => {
    teams = await startTeams();
    await teams.post(installed("ben", teams.connector.url));
    await teams.sweepAt(painTue.checkin1);
    const { id, card } = lastCard(teams.connector.posted(personalChat("ben")));
    const fallback = actionsOf(card).find((action) => action.title === "Send")?.fallback;
    expect(fallback?.type).toBe("Action.Submit");
    const value = { ...(fallback?.data as Record<string, unknown>), "answer.pulse-1": "5" };
    expect((await teams.post(submitted("ben", value, id, teams.connector.url))).status).toBe(200);
    const [update] = teams.connector.updated();
    expect(update?.activityId).toBe(id);
    expect(cardText(lastCard([update!]).card)).toContain("Thank you, that's saved");
  });
});
