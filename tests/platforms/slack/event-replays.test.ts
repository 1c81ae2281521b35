import { afterEach, describe, expect, it } from "vitest";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { createRememberedKeys } from "../../../src/app/remembered-keys.js";
import { createSeenEvents } from "../../../src/platforms/slack/inbound/seen-requests.js";
import { at } from "../../support/outbox-helpers.js";
import { ManualClock } from "../../support/fakes.js";
import { userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { fixture, postToSlackEndpoint } from "./slack-requests.js";

let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  slack = undefined;
});

const later = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();

function retryHomeOpened(harness: SlackHarness, eventId: string): Promise<{ status: number }> {
  const body = JSON.stringify(fixture("app-home-opened", { user: userId("ana"), eventId }));
  return postToSlackEndpoint(harness.url, body, "application/json", {
    timestamp: Math.floor(Date.now() / 1000) + 60,
    headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" },
  });
}

async function storedEvents(harness: SlackHarness): Promise<string[]> {
  return Object.keys((await harness.store.readOrganisation()).platformData?.slack?.["seenEvents"] ?? {});
}

describe("an Events API event Slack delivers again", () => {
  it("has no effect when it arrives after Cohesion restarted on the same store", async () => {
    const store = new MemoryStore();
    slack = await SlackHarness.start({ store });
    await slack.openHome("ana", "Ev0RESTART1");
    await slack.until(() => expect(slack?.fake.callsOf("views.publish")).toHaveLength(1));
    await slack.stop();

    slack = await SlackHarness.start({ now: later(at.beforeEverything, 5 * 60_000), store });
    // Slack's own retry: the same event, signed anew a minute later.
    expect(await retryHomeOpened(slack, "Ev0RESTART1")).toMatchObject({ status: 200 });
    await slack.until(() =>
      expect(slack?.logger.lines.map((line) => line.fields["code"])).toContain("slack-event-repeated"),
    );
    expect(slack.fake.callsOf("views.publish")).toHaveLength(0);
  });

  it("still runs a new event after the restart", async () => {
    const store = new MemoryStore();
    slack = await SlackHarness.start({ store });
    await slack.openHome("ana", "Ev0FIRST");
    await slack.until(() => expect(slack?.fake.callsOf("views.publish")).toHaveLength(1));
    await slack.stop();

    slack = await SlackHarness.start({ store });
    await slack.openHome("ana", "Ev0SECOND");
    await slack.until(() => expect(slack?.fake.callsOf("views.publish")).toHaveLength(1));
  });

  it("keeps only short hashes of event ids, and forgets them once Slack's retries are over", async () => {
    slack = await SlackHarness.start();
    await slack.openHome("ana", "Ev0HASHED");
    await slack.until(() => expect(slack?.fake.callsOf("views.publish")).toHaveLength(1));
    const first = await storedEvents(slack);
    expect(first).toHaveLength(1);
    expect(JSON.stringify(await slack.store.readOrganisation())).not.toContain("Ev0HASHED");

    slack.clock.set(later(at.beforeEverything, 3 * 60 * 60_000));
    await slack.openHome("ana", "Ev0LATER");
    await slack.until(() => expect(slack?.fake.callsOf("views.publish")).toHaveLength(2));
    const now = await storedEvents(slack);
    expect(now).toHaveLength(1);
    expect(now).not.toEqual(first);
  });
});

describe("the event ids Cohesion remembers in the store", () => {
  it("recognises an id seen by an earlier run (as after a Socket Mode reconnect on a new process)", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock(new Date(at.beforeEverything));
    expect(await createSeenEvents(store, clock).claim("Ev0SOCKET")).toBe(false);
    expect(await createSeenEvents(store, clock).claim("Ev0SOCKET")).toBe(true);
    expect(await createSeenEvents(store, clock).claim("Ev0OTHER")).toBe(false);
  });

  it("stays bounded: beyond its capacity the soonest to expire are forgotten first", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock(new Date(at.beforeEverything));
    const options = { platform: "slack" as const, field: "seenEvents", windowMs: 60_000, capacity: 3 };
    const seen = createRememberedKeys(store, clock, options);
    for (const id of ["Ev1", "Ev2", "Ev3", "Ev4"]) await seen.claim(id);
    const stored = (await store.readOrganisation()).platformData?.slack?.["seenEvents"] ?? {};
    expect(Object.keys(stored)).toHaveLength(3);
    expect(await createRememberedKeys(store, clock, options).claim("Ev4")).toBe(true);
    expect(await createRememberedKeys(store, clock, options).claim("Ev1")).toBe(false);
  });
});
