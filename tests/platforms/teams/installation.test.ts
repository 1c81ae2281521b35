import { afterEach, describe, expect, it } from "vitest";
import {
  addedToTeam,
  careChannel,
  channelMention,
  installed,
  personalChat,
  personalMessage,
  uninstalled,
} from "./activities.js";
import { cardText, lastCard } from "./cards.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

describe("Cohesion learning where people and channels are on Teams", () => {
  it("keeps a member's personal chat when they install the app, and writes nothing personal to the log", async () => {
    teams = await startTeams();
    expect((await teams.post(installed("ana", teams.connector.url))).status).toBe(200);
    const stored = (await teams.store.readOrganisation()).platformData?.teams?.conversations as Record<
      string,
      { conversationId: string; kind: string }
    >;
    expect(Object.values(stored)).toEqual([
      expect.objectContaining({ conversationId: personalChat("ana"), kind: "personal" }),
    ]);
    expect(JSON.stringify(teams.logger.lines)).not.toMatch(/Ana|personal-chat|6f1c2a10/);
  });

  it("answers a command typed in the personal chat, and can then reach the member on its own", async () => {
    teams = await startTeams();
    await teams.post(personalMessage("ben", "help", teams.connector.url));
    expect(cardText(lastCard(teams.connector.posted(personalChat("ben"))).card)).toContain("What you can ask Cohesion");
    const stored = (await teams.store.readOrganisation()).platformData?.teams?.conversations as Record<string, unknown>;
    expect(Object.keys(stored)).toHaveLength(1);
  });

  it("keeps the care team's channel when added to its team, and answers an @mention there in the thread", async () => {
    teams = await startTeams();
    await teams.post(addedToTeam("okafor", teams.connector.url));
    await teams.post(channelMention("okafor", "help", teams.connector.url));
    const [reply] = teams.connector.posted(`${careChannel};messageid=1700000000000`);
    expect(reply && cardText(lastCard([reply]).card)).toContain("What you can ask Cohesion");
    const stored = (await teams.store.readOrganisation()).platformData?.teams?.conversations as Record<
      string,
      { conversationId: string; kind: string }
    >;
    expect(stored[careChannel]).toMatchObject({ conversationId: careChannel, kind: "channel" });
  });

  it("forgets a member who removed the app, so the leads are told rather than messages vanishing", async () => {
    teams = await startTeams();
    await teams.post(installed("carla", teams.connector.url));
    await teams.post(uninstalled("carla", teams.connector.url));
    const stored = (await teams.store.readOrganisation()).platformData?.teams?.conversations as Record<string, unknown>;
    expect(stored).toEqual({});
  });
});
