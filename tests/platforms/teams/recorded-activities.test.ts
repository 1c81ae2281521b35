import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { painTue } from "../../support/flows.js";
import { careChannel, installed, personalChat, teamsAddress, type Person } from "./activities.js";
import { actionData, cardText, lastCard } from "./cards.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

/** A recorded activity from fixtures/, addressed to this run's fake Bot Connector. */
function recorded(name: string, fill: Record<string, string> = {}): Record<string, unknown> {
  let text = readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");
  for (const [key, value] of Object.entries({ serviceUrl: teams.connector.url, ...fill }))
    text = text.replaceAll(`{{${key}}}`, value);
  return JSON.parse(text) as Record<string, unknown>;
}

async function conversations(): Promise<Record<string, { kind: string; conversationId: string }>> {
  return ((await teams.store.readOrganisation()).platformData?.teams?.conversations ?? {}) as Record<
    string,
    { kind: string; conversationId: string }
  >;
}

async function installAll(...persons: Person[]): Promise<void> {
  for (const person of persons) await teams.post(installed(person, teams.connector.url));
  teams.connector.calls.length = 0;
}

describe("Teams activities in the shapes Microsoft publishes, replayed through POST /api/messages", () => {
  it("a channel message without a conversation type is answered in the channel and never replaces a lead's personal chat", async () => {
    teams = await startTeams({ now: painTue.checkin1 });
    await installAll("okafor");
    expect((await teams.post(recorded("channel-message"))).status).toBe(200);
    const stored = await conversations();
    expect(stored[teamsAddress("okafor").slice("teams:".length)]).toMatchObject({
      kind: "personal",
      conversationId: personalChat("okafor"),
    });
    expect(stored[careChannel]).toMatchObject({ kind: "channel", conversationId: careChannel });
    const [reply] = teams.connector.posted(`${careChannel};messageid=1700000000001`);
    expect(reply && cardText(lastCard([reply]).card)).toContain("What you can ask Cohesion");
  });

  it("understands a mention whose entity says <at>@Ana</at> where the text says <at>Ana</at>", async () => {
    teams = await startTeams({ now: painTue.checkin1 });
    await installAll("ana", "okafor");
    await teams.post(recorded("channel-mention-with-at-sign"));
    expect((await teams.store.readGroup("pain-tue")).attendance["1"]).toMatchObject({
      came: 7,
      absent: [teamsAddress("ana")],
    });
  });

  it("ignores another app's card submitted in a channel, saying nothing there", async () => {
    teams = await startTeams({ now: painTue.checkin1 });
    await installAll("okafor");
    expect((await teams.post(recorded("channel-foreign-card-submit"))).status).toBe(200);
    expect(teams.connector.calls).toEqual([]);
  });

  it("learns the team's channel from a conversationUpdate and a member's chat from an installationUpdate", async () => {
    teams = await startTeams();
    await teams.post(recorded("conversation-update-added-to-team"));
    await teams.post(recorded("installation-update"));
    const stored = await conversations();
    expect(stored[careChannel]).toMatchObject({ kind: "channel" });
    expect(stored[teamsAddress("ana").slice("teams:".length)]).toMatchObject({ kind: "personal" });
  });

  it("answers a personal message, and lets a message reaction pass quietly", async () => {
    teams = await startTeams();
    await teams.post(recorded("personal-message"));
    expect(cardText(lastCard(teams.connector.posted(personalChat("ana"))).card)).toContain("What you can ask Cohesion");
    teams.connector.calls.length = 0;
    expect((await teams.post(recorded("message-reaction"))).status).toBe(200);
    expect(teams.connector.calls).toEqual([]);
  });

  it("opens the full check-in from the check-in card by Action.Execute and by Action.Submit, with no pulse picked", async () => {
    teams = await startTeams();
    await installAll("ana");
    await teams.sweepAt(painTue.checkin1);
    const checkin = lastCard(teams.connector.posted(personalChat("ana")));
    const data = actionData(checkin.card, "Full check-in (2 min)");
    const execute = recorded("invoke-adaptive-card-action", { replyToId: checkin.id });
    (execute.value as { action: { data: unknown } }).action.data = data;
    const answer = await teams.post(execute);
    expect(JSON.stringify(answer.body)).toContain("The members liked and cared about each other.");
    const submit = { ...recorded("action-submit", { replyToId: checkin.id }), value: data };
    expect((await teams.post(submit)).status).toBe(200);
    expect(cardText(lastCard(teams.connector.calls).card)).toContain("The members liked and cared about each other.");
  });

  it("gives a member whose check-in could not reach them (no app yet) that check-in once they install it, while it is open", async () => {
    teams = await startTeams();
    await installAll("okafor", "sam");
    await teams.sweepAt(painTue.checkin1);
    const outbox = Object.values((await teams.store.readGroup("pain-tue")).outbox);
    expect(
      outbox.find((e) => e.delivery.kind === "checkin" && e.delivery.recipient === teamsAddress("ana")),
    ).toMatchObject({
      status: "failed",
      error: "not-installed",
    });
    await teams.post(recorded("installation-update"));
    await teams.sweepAt("2026-12-01T19:45:00Z");
    expect(cardText(lastCard(teams.connector.posted(personalChat("ana"))).card)).toContain(
      "Thank you for being part of today's session.",
    );
  });

  it("does not send a check-in whose answer window closed before the member installed the app", async () => {
    teams = await startTeams();
    await teams.sweepAt(painTue.checkin1);
    teams.clock.set(painTue.closes1);
    await teams.post(recorded("installation-update"));
    await teams.sweepAt("2026-12-04T19:35:00Z");
    const shown = teams.connector.posted(personalChat("ana")).map((call) => cardText(lastCard([call]).card));
    expect(shown.join("\n")).not.toContain("Thank you for being part of today's session.");
  });
});
