import { afterEach, describe, expect, it } from "vitest";
import { painTue } from "../../support/flows.js";
import { allText, at } from "../../support/outbox-helpers.js";
import { installed, personalChat, type Person } from "./activities.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

const lostAnswersFor = new Set<string>();

/** The Bot Connector calls go through, except that posts to some people's chats never get an answer. */
const losingFetch: typeof fetch = async (input, init) => {
  const url = decodeURIComponent(String(input));
  if ([...lostAnswersFor].some((chat) => url.includes(chat)))
    throw new DOMException("The operation timed out.", "TimeoutError");
  return fetch(input, init);
};

function digestAfter(session: number): string {
  const digest = teams.slack.sent.find((s) => allText(s.message).includes(`Digest after session ${session}`));
  if (!digest) throw new Error(`no digest after session ${session}`);
  return allText(digest.message);
}

describe("the care team's digest on a group using Teams", () => {
  it("says how many messages since the last digest may not have arrived, without saying whose", async () => {
    lostAnswersFor.clear();
    teams = await startTeams({ careTeamOn: "slack", platform: { fetch: losingFetch } });
    for (const person of ["ana", "ben", "carla"] as Person[]) await teams.post(installed(person, teams.connector.url));
    await teams.sweepAt(at.orientationDue);
    for (const person of ["ana", "ben"] as Person[]) lostAnswersFor.add(personalChat(person));
    await teams.sweepAt(painTue.reminder1);
    lostAnswersFor.clear();
    await teams.sweepAt(painTue.closes1);

    // Ana's and Ben's reminders, and the parts of their orientation due with them, never got an answer.
    const outbox = Object.values((await teams.store.readGroup("pain-tue")).outbox);
    const unknown = outbox.filter((entry) => entry.error === "outcome-unknown");
    expect(unknown.map((entry) => entry.delivery.kind)).toContain("reminder");
    const first = digestAfter(1);
    expect(first).toContain(`${unknown.length} messages sent since the last digest may not have arrived.`);
    expect(first).not.toMatch(/Ana|Ben|29:/);

    await teams.sweepAt(painTue.checkin2);
    await teams.sweepAt(painTue.closes2);
    expect(digestAfter(2)).not.toContain("may not have arrived");
  });
});
