import { afterEach, describe, expect, it } from "vitest";
import { painTue } from "../../support/flows.js";
import {
  at,
  careChannel,
  channelMention,
  installed,
  mentionOf,
  personalChat,
  personalMessage,
  teamsAddress,
  type Person,
} from "./activities.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

const thread = `${careChannel};messageid=1700000000000`;

/** Cohesion on Teams once session 1 was held, with Ana, Carla and both leads having opened it (Ben never has). */
async function afterSessionOne(): Promise<TeamsHarness> {
  const harness = await startTeams({ now: painTue.checkin1 });
  for (const person of ["ana", "carla", "okafor", "sam"] as Person[])
    await harness.post(installed(person, harness.connector.url));
  harness.connector.calls.length = 0;
  return harness;
}

/** Everything Cohesion posted in a conversation, as one string. */
function said(conversationId: string): string {
  return JSON.stringify(teams.connector.posted(conversationId).map((call) => call.body));
}

async function sessionOneAttendance() {
  return (await teams.store.readGroup("pain-tue")).attendance["1"];
}

describe("a lead naming absent members by @mention on Teams", () => {
  it("in the care team's channel: the members mentioned are recorded absent, and Cohesion's own mention is not read as a name", async () => {
    teams = await afterSessionOne();
    await teams.post(
      channelMention("okafor", `attendance pain-tue 1 6 ${at("ana")} ${at("carla")}`, teams.connector.url, [
        "ana",
        "carla",
      ]),
    );
    expect(said(thread)).toContain("Session 1 of");
    expect(said(thread)).toContain("6 of 8 came; 2 named as absent.");
    expect(await sessionOneAttendance()).toMatchObject({
      came: 6,
      absent: [teamsAddress("ana"), teamsAddress("carla")],
      by: teamsAddress("okafor"),
    });
  });

  it("in their personal chat: the member mentioned is recorded absent", async () => {
    teams = await afterSessionOne();
    await teams.post({
      ...personalMessage("sam", `<p>attendance pain-tue 1 7 ${at("ana")}</p>`, teams.connector.url),
      entities: [mentionOf("ana")],
    });
    expect(said(personalChat("sam"))).toContain("7 of 8 came; 1 named as absent.");
    expect(await sessionOneAttendance()).toMatchObject({
      came: 7,
      absent: [teamsAddress("ana")],
      by: teamsAddress("sam"),
    });
  });

  it("naming someone Cohesion has never met: they are looked for by their Teams id, and the lead is told they are not a member", async () => {
    teams = await afterSessionOne();
    await teams.post(channelMention("okafor", `attendance pain-tue 1 7 ${at("ben")}`, teams.connector.url, ["ben"]));
    expect(said(thread)).toContain('I couldn\'t find \\"teams:29:ben-teams-id\\" among the members of');
    expect(said(thread)).toContain("Nothing was recorded.");
    expect(await sessionOneAttendance()).toBeUndefined();
  });

  it("logs neither the names nor the ids of the people mentioned", async () => {
    teams = await afterSessionOne();
    await teams.post(
      channelMention("okafor", `attendance pain-tue 1 6 ${at("ana")} ${at("ben")}`, teams.connector.url, [
        "ana",
        "ben",
      ]),
    );
    expect(JSON.stringify(teams.logger.lines)).not.toMatch(/Ana|Ben|teams-id|6f1c2a10/);
  });

  it("ignores a message whose mentions are not what Teams sends, recording nothing", async () => {
    teams = await afterSessionOne();
    const forged = {
      ...channelMention("okafor", `attendance pain-tue 1 7 ${at("ana")}`, teams.connector.url),
      entities: [{ type: "mention", text: at("ana") }],
    };
    await teams.post(forged);
    expect(await sessionOneAttendance()).toBeUndefined();
    expect(teams.logger.lines.some((line) => line.fields.code === "teams-activity-invalid")).toBe(true);
  });
});
