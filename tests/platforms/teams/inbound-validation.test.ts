import { afterEach, describe, expect, it } from "vitest";
import { painTue } from "../../support/flows.js";
import { executed, installed, personalChat } from "./activities.js";
import { actionData, lastCard } from "./cards.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

async function answersStored(): Promise<number> {
  return Object.keys((await teams.store.readGroup("pain-tue")).answers).length;
}

/** The short message an invoke answered with (a reply shown beside the card, not replacing it). */
function shownMessage(response: { body: unknown }): string {
  const body = response.body as { type: string; value: string };
  expect(body.type).toBe("application/vnd.microsoft.activity.message");
  return body.value;
}

async function pulseCard() {
  teams = await startTeams({ now: painTue.checkin1 });
  await teams.post(installed("ana", teams.connector.url));
  await teams.sweepAt(painTue.checkin1);
  return lastCard(teams.connector.posted(personalChat("ana")));
}

describe("bad input to the Teams endpoint", () => {
  it("refuses a body that is not JSON with a plain 400 and no stack trace", async () => {
    teams = await startTeams();
    const response = await fetch(`${teams.chat.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/\bat \w|node_modules/);
  });

  it("refuses an oversized body with 413", async () => {
    teams = await startTeams();
    const response = await teams.post({ type: "message", text: "x".repeat(300_000) });
    expect(response.status).toBe(413);
  });

  it("ignores an activity without the fields Teams always sends, storing nothing", async () => {
    teams = await startTeams();
    const broken = { ...installed("ana", teams.connector.url), serviceUrl: "not a url" };
    await teams.post(broken);
    expect((await teams.store.readOrganisation()).platformData).toBeUndefined();
    expect(teams.logger.lines.some((line) => line.fields.code === "teams-activity-invalid")).toBe(true);
  });

  it("asks kindly for an answer when Send is pressed with nothing picked", async () => {
    const { id, card } = await pulseCard();
    const response = await teams.post(executed("ana", actionData(card, "Send"), id, teams.connector.url));
    expect(shownMessage(response)).toBe("Please pick an answer first, then press Send.");
    expect(await answersStored()).toBe(0);
  });

  it("says what is expected for a value off the scale, and saves nothing", async () => {
    const { id, card } = await pulseCard();
    const response = await teams.post(
      executed("ana", { ...actionData(card, "Send"), "answer.pulse-1": "99" }, id, teams.connector.url),
    );
    expect(shownMessage(response)).toMatch(/^Please choose a number from 1 to 5\. Nothing was saved\.$/);
    expect(await answersStored()).toBe(0);
  });

  it("says it could not read a tampered card action, and saves nothing", async () => {
    const { id } = await pulseCard();
    const response = await teams.post(
      executed(
        "ana",
        { cohesion: "choice", promptId: "<script>", itemId: "pulse-1", "answer.pulse-1": "3" },
        id,
        teams.connector.url,
      ),
    );
    expect(shownMessage(response)).toContain("couldn't read that");
    const unknown = await teams.post(executed("ana", { something: "else" }, id, teams.connector.url));
    expect(shownMessage(unknown)).toContain("couldn't read that");
    expect(await answersStored()).toBe(0);
  });
});
