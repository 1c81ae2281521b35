import { afterEach, describe, expect, it } from "vitest";
import { toAddress } from "../../../src/kernel/address.js";
import { messageText, painTue } from "../../support/flows.js";
import { executed, installed, personalChat, personalMessage, type Person } from "./activities.js";
import { actionData, cardText, lastCard } from "./cards.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

const words = "Some nights I think everyone would be better off dead without me";
const onCall = toAddress("slack:U0PATEL");
const minutesAfter = (instant: string, minutes: number) =>
  new Date(new Date(instant).getTime() + minutes * 60_000).toISOString();

/** Members and leads on Teams, the care team and the clinician on call on Slack, and a risky message from Ana. */
async function urgentMessageOnTeams(): Promise<TeamsHarness> {
  const harness = await startTeams({
    careTeamOn: "slack",
    now: painTue.checkin1,
    organisation: (organisation) => ({ ...organisation, safety: { ...organisation.safety, onCall: [onCall] } }),
  });
  for (const person of ["ana", "okafor", "sam"] as Person[])
    await harness.post(installed(person, harness.connector.url));
  await harness.sweepAt(painTue.checkin1);
  await harness.post(personalMessage("ana", words, harness.connector.url));
  return harness;
}

const slackTexts = (to: string) =>
  teams.slack.sent.filter((sent) => sent.to === to).map((sent) => messageText(sent.message));

describe("an urgent alert on Teams that no lead acknowledges", () => {
  it("reaches the clinician on call, then the care team channel without the member's words", async () => {
    teams = await urgentMessageOnTeams();
    await teams.sweepAt(minutesAfter(painTue.checkin1, 60));
    expect(slackTexts(onCall).filter((text) => text.includes("Escalated to you"))).toHaveLength(1);
    await teams.sweepAt(minutesAfter(painTue.checkin1, 120));
    const told = slackTexts("slack:C0CARETEAM").filter((text) => text.includes("has not been acknowledged"));
    expect(told).toHaveLength(1);
    expect(told[0]).not.toContain("better off");
  });

  it("stops once a lead acknowledges it on their card", async () => {
    teams = await urgentMessageOnTeams();
    const alert = teams.connector
      .posted(personalChat("okafor"))
      .map((call) => lastCard([call]))
      .find((posted) => cardText(posted.card).includes("may suggest risk"));
    if (!alert) throw new Error("the lead got no alert card");
    await teams.post(executed("okafor", actionData(alert.card, /Acknowledge/), alert.id, teams.connector.url));
    for (const minutes of [60, 120, 180]) await teams.sweepAt(minutesAfter(painTue.checkin1, minutes));
    expect(slackTexts(onCall)).toEqual([]);
    expect(slackTexts("slack:C0CARETEAM").filter((text) => text.includes("has not been acknowledged"))).toEqual([]);
  });
});
