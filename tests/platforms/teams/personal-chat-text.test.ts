import { afterEach, describe, expect, it } from "vitest";
import { painTue } from "../../support/flows.js";
import {
  careChannel,
  channelMention,
  installed,
  personalChat,
  personalMessage,
  teamsAddress,
  type Person,
} from "./activities.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

const riskHeadline = "A member's message may suggest risk";
const words = "Some nights I think everyone would be better off dead without me";
const passedOn = "I've passed your message to your group leaders.";

/** Cohesion on Teams after session 1's check-in went out, with Ana and both leads reachable and nothing posted since. */
async function afterSessionOne(): Promise<TeamsHarness> {
  const harness = await startTeams({ now: painTue.checkin1 });
  for (const person of ["ana", "okafor", "sam"] as Person[])
    await harness.post(installed(person, harness.connector.url));
  await harness.sweepAt(painTue.checkin1);
  harness.connector.calls.length = 0;
  return harness;
}

/** Everything Cohesion posted in a person's personal chat, as one string. */
function said(person: Person): string {
  return JSON.stringify(teams.connector.posted(personalChat(person)).map((call) => call.body));
}

describe("a member writing to Cohesion in their personal chat on Teams", () => {
  it("a first message still reaches the leads when what failed before cannot be put back yet", async () => {
    teams = await startTeams({ now: painTue.checkin1 });
    for (const lead of ["okafor", "sam"] as Person[]) await teams.post(installed(lead, teams.connector.url));
    await teams.sweepAt(painTue.checkin1);
    const updateGroup = teams.store.updateGroup.bind(teams.store);
    let failNext = true;
    teams.store.updateGroup = (groupId, change) => {
      if (!failNext) return updateGroup(groupId, change);
      failNext = false;
      return Promise.reject(new Error("disk full"));
    };
    await teams.post(personalMessage("ana", "I feel awful today", teams.connector.url));
    expect(said("ana")).toContain(passedOn);
    for (const lead of ["okafor", "sam"] as Person[]) expect(said(lead)).toContain("I feel awful today");
    expect(teams.logger.lines.map((line) => line.fields["code"])).toContain("teams-retry-reachable-failed");
  });

  it("with words that suggest risk: they see where to get help now, and both leads get the alert with the words", async () => {
    teams = await afterSessionOne();
    expect((await teams.post(personalMessage("ana", words, teams.connector.url))).status).toBe(200);
    expect(said("ana")).toContain("Thank you for telling me.");
    expect(said("ana")).toContain("If you need help now:");
    for (const lead of ["okafor", "sam"] as Person[]) {
      expect(said(lead)).toContain(riskHeadline);
      expect(said(lead)).toContain(words);
    }
    expect(JSON.stringify(teams.connector.posted(careChannel))).not.toContain(riskHeadline);
    expect(JSON.stringify(teams.logger.lines)).not.toMatch(/better off|dead|personal-chat|6f1c2a10/);
  });

  it("with ordinary words: both leads read them privately, and the member is told who reads them and when", async () => {
    teams = await afterSessionOne();
    await teams.post(personalMessage("ana", "I feel awful today", teams.connector.url));
    expect(said("ana")).toContain(passedOn);
    expect(said("ana")).toContain("This chat is not watched around the clock.");
    expect(said("ana")).toContain("If you need help now:");
    expect(said("ana")).not.toContain("I don't know");
    for (const lead of ["okafor", "sam"] as Person[]) expect(said(lead)).toContain("I feel awful today");
    expect(JSON.stringify(teams.connector.posted(careChannel))).not.toContain("I feel awful today");
    expect((await teams.store.readGroup("pain-tue")).alerts).toEqual({});
  });

  it("reads a message of any length Teams allows to its end, and the leads get every word", async () => {
    teams = await afterSessionOne();
    const long = `${"It has been a long week with the pain. ".repeat(700)}${words}`;
    expect(long.length).toBeGreaterThan(25_000);
    expect((await teams.post(personalMessage("ana", long, teams.connector.url))).status).toBe(200);
    expect(said("ana")).toContain("If you need help now:");
    const alert = Object.values((await teams.store.readGroup("pain-tue")).alerts)[0];
    expect(alert?.text).toBe(long);
    for (const lead of ["okafor", "sam"] as Person[]) expect(said(lead)).toContain(riskHeadline);
  });

  it("reads words Teams wraps in markup and entities as the member typed them", async () => {
    teams = await afterSessionOne();
    await teams.post(personalMessage("ana", `<p>Tired &amp; low.</p><p>${words}</p>`, teams.connector.url));
    expect(said("okafor")).toContain("Tired & low.");
  });

  it("typing 'pause' pauses their reminders", async () => {
    teams = await afterSessionOne();
    await teams.post(personalMessage("ana", "pause", teams.connector.url));
    expect(said("ana")).toContain("pause");
    expect((await teams.store.readGroup("pain-tue")).paused[teamsAddress("ana")]).toBeDefined();
  });

  it("raises one alert when Teams re-sends the same message", async () => {
    teams = await afterSessionOne();
    const activity = personalMessage("ana", words, teams.connector.url);
    await teams.post(activity);
    await teams.post(activity);
    expect(
      teams.connector.posted(personalChat("okafor")).filter((call) => JSON.stringify(call.body).includes(riskHeadline)),
    ).toHaveLength(1);
    expect(teams.connector.posted(personalChat("ana"))).toHaveLength(1);
    expect(Object.keys((await teams.store.readGroup("pain-tue")).alerts)).toHaveLength(1);
  });

  it("with no words at all (only a picture): they are shown what Cohesion can do", async () => {
    teams = await afterSessionOne();
    const picture = {
      contentType: "image/png",
      contentUrl: "https://smba.trafficmanager.net/amer/v3/attachments/0-picture/views/original",
    };
    await teams.post({ ...personalMessage("ana", "", teams.connector.url), text: undefined, attachments: [picture] });
    expect(said("ana")).toContain("What you can ask Cohesion");
  });
});

describe("an @mention of Cohesion in a channel on Teams", () => {
  it("is read as a command in that channel, not as words for the leads", async () => {
    teams = await afterSessionOne();
    await teams.post(channelMention("okafor", "Thanks everyone", teams.connector.url));
    const thread = JSON.stringify(
      teams.connector.posted(`${careChannel};messageid=1700000000000`).map((call) => call.body),
    );
    expect(thread).toContain('I don\'t know \\"Thanks\\"');
    expect(thread).not.toContain(passedOn);
  });
});
