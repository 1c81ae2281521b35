import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { painTue } from "../../support/flows.js";
import { careChannel, installed, personalChat, teamsAddress, type Person } from "./activities.js";
import { cardText, lastCard } from "./cards.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

const groupChat = "19:leads-group-chat@thread.v2";

/** A recorded activity from fixtures/, addressed to this run's fake Bot Connector. */
function recorded(name: string): Record<string, unknown> {
  const text = readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");
  return JSON.parse(text.replaceAll("{{serviceUrl}}", teams.connector.url)) as Record<string, unknown>;
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

const personOf = (person: Person) => teamsAddress(person).slice("teams:".length);

describe("more Teams activities in the shapes Microsoft publishes, replayed through POST /api/messages", () => {
  it("a personal message that @mentions Cohesion itself is answered in the personal chat", async () => {
    teams = await startTeams();
    expect((await teams.post(recorded("personal-message-mentioning-bot"))).status).toBe(200);
    expect(cardText(lastCard(teams.connector.posted(personalChat("ana"))).card)).toContain("What you can ask Cohesion");
  });

  it("a lead's personal message that @mentions a member records that member absent", async () => {
    teams = await startTeams({ now: painTue.checkin1 });
    await installAll("ana", "okafor");
    expect((await teams.post(recorded("personal-message-with-mention"))).status).toBe(200);
    expect((await teams.store.readGroup("pain-tue")).attendance["1"]).toMatchObject({
      came: 7,
      absent: [teamsAddress("ana")],
    });
    expect(teams.connector.posted(personalChat("okafor"))).toHaveLength(1);
  });

  it("an @mention in a group chat is answered in that group chat, which is kept as a group chat", async () => {
    teams = await startTeams();
    await installAll("sam");
    expect((await teams.post(recorded("group-chat-mention"))).status).toBe(200);
    expect(cardText(lastCard(teams.connector.posted(groupChat)).card)).toContain("What you can ask Cohesion");
    expect(teams.connector.posted(personalChat("sam"))).toEqual([]);
    const stored = await conversations();
    expect(stored[groupChat]).toMatchObject({ kind: "groupChat", conversationId: groupChat });
    expect(stored[personOf("sam")]).toMatchObject({ kind: "personal", conversationId: personalChat("sam") });
  });

  it("learns a member's personal chat from the conversationUpdate of a personal install", async () => {
    teams = await startTeams();
    expect((await teams.post(recorded("conversation-update-personal"))).status).toBe(200);
    expect((await conversations())[personOf("ben")]).toMatchObject({
      kind: "personal",
      conversationId: personalChat("ben"),
    });
    expect(teams.connector.calls).toEqual([]);
  });

  it("forgets a member's chat when they remove the app, and the channel when Cohesion is removed from the team", async () => {
    teams = await startTeams();
    await teams.post(recorded("installation-update"));
    await teams.post(recorded("conversation-update-added-to-team"));
    expect(Object.keys(await conversations()).sort()).toEqual([careChannel, personOf("ana")].sort());
    expect((await teams.post(recorded("installation-update-remove"))).status).toBe(200);
    expect((await teams.post(recorded("conversation-update-removed-from-team"))).status).toBe(200);
    expect(await conversations()).toEqual({});
    expect(teams.connector.calls).toEqual([]);
  });
});
