import { afterEach, describe, expect, it } from "vitest";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { painTue } from "../../support/flows.js";
import { executed, installed, personalChat, personalMessage } from "./activities.js";
import { actionData, lastCard } from "./cards.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

/** Stops Cohesion and starts it again on the same store, with a fresh Bot Connector. */
async function restart(store: MemoryStore, now?: string): Promise<void> {
  await teams.stop();
  teams = await startTeams({ store, ...(now ? { now } : {}) });
}

describe("an activity Teams sends again after Cohesion restarted", () => {
  it("is not answered a second time", async () => {
    const store = new MemoryStore();
    teams = await startTeams({ store });
    const activity = personalMessage("ana", "help", teams.connector.url);
    await teams.post(activity);
    expect(teams.connector.posted(personalChat("ana"))).toHaveLength(1);

    await restart(store);
    expect(await teams.post({ ...activity, serviceUrl: teams.connector.url })).toMatchObject({ status: 200 });
    expect(teams.connector.posted()).toHaveLength(0);
    expect(teams.logger.lines.map((line) => line.fields["code"])).toContain("teams-activity-repeated");
  });

  it("stores a check-in answer once when the same tap arrives again after the restart", async () => {
    const store = new MemoryStore();
    teams = await startTeams({ store, now: painTue.checkin1 });
    await teams.post(installed("ana", teams.connector.url));
    await teams.sweepAt(painTue.checkin1);
    const { id, card } = lastCard(teams.connector.posted(personalChat("ana")));
    const tap = executed("ana", { ...actionData(card, "Send"), "answer.pulse-1": "3" }, id, teams.connector.url);
    await teams.post(tap);
    const answers = JSON.stringify((await store.readGroup("pain-tue")).answers);

    await restart(store, painTue.checkin1);
    expect(await teams.post({ ...tap, serviceUrl: teams.connector.url })).toMatchObject({ status: 200 });
    expect(JSON.stringify((await store.readGroup("pain-tue")).answers)).toBe(answers);
    expect(teams.connector.calls).toHaveLength(0);
  });

  it("still handles new activities after the restart, keeping only short hashes of their ids", async () => {
    const store = new MemoryStore();
    teams = await startTeams({ store });
    const first = personalMessage("ana", "help", teams.connector.url);
    await teams.post(first);
    await restart(store);
    await teams.post(personalMessage("ana", "help", teams.connector.url));
    expect(teams.connector.posted(personalChat("ana"))).toHaveLength(1);
    const organisation = JSON.stringify(await store.readOrganisation());
    expect(organisation).not.toContain(first.id);
    expect(Object.keys((await store.readOrganisation()).platformData?.teams?.["seenActivities"] ?? {})).toHaveLength(2);
  });
});
