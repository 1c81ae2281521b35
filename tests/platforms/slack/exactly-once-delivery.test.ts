import { afterEach, describe, expect, it } from "vitest";
import type { OutboxEntry } from "../../../src/core/state.js";
import { at } from "../../support/outbox-helpers.js";
import type { PostedMessage } from "./fake-slack-api.js";
import { userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";

let slack: SlackHarness;
afterEach(() => slack?.stop());

const members = ["ana", "ben", "carla", "dev", "erin", "femi", "grace", "hugo"];
const isReminder = (args: Record<string, unknown>) => String(args["text"]).includes("meets tomorrow");
const minutesAfter = (instant: string, minutes: number) =>
  new Date(Date.parse(instant) + minutes * 60_000).toISOString();

/** Starts Cohesion on Slack with the fake's message timestamps on Cohesion's clock, orientation already sent. */
async function start(): Promise<SlackHarness> {
  const harness = await SlackHarness.start();
  harness.fake.clock = () => harness.clock.now();
  await harness.sweepAt(at.orientationDue);
  return harness;
}

/** Sweeps when reminders fall due, then whenever the outbox tries again (1, 5, 30 and 120 minutes later). */
async function sendRemindersFrom(due: string): Promise<void> {
  for (const minutes of [0, 1, 6, 36, 156]) await slack.sweepAt(minutesAfter(due, minutes));
}

function remindersPosted(name?: string): PostedMessage[] {
  return slack.fake.ledger.filter(
    (message) =>
      message.text.includes("meets tomorrow") && (name === undefined || message.channel === `D${userId(name)}`),
  );
}

async function reminderEntries(): Promise<OutboxEntry[]> {
  const outbox = (await slack.store.readGroup("pain-tue")).outbox;
  return Object.values(outbox).filter((entry) => entry.delivery.kind === "reminder");
}

async function reminderTo(name: string, session = 1): Promise<OutboxEntry | undefined> {
  return (await reminderEntries()).find(
    (entry) => entry.delivery.recipient === `slack:${userId(name)}` && entry.delivery.session === session,
  );
}

function loggedCodes(): unknown[] {
  return slack.logger.lines.map((line) => line.fields["code"]);
}

describe("Slack reminders after an unknown outcome", () => {
  it("a 5xx burst and lost answers during 16 reminders still deliver every reminder exactly once", async () => {
    slack = await start();
    const burst = [
      { status: 500, performed: true, times: 3 },
      { lost: true, times: 2 },
      { status: 502, times: 2 },
      { error: "internal_error", times: 1 },
      { status: 500, performed: true, times: 1 },
    ] as const;
    for (const due of [at.reminder1Due, at.reminder2Due]) {
      for (const { times, ...failure } of burst)
        slack.fake.fail("chat.postMessage", failure, { times, when: isReminder });
      await sendRemindersFrom(due);
    }

    for (const name of members) expect(remindersPosted(name), name).toHaveLength(2);
    const entries = await reminderEntries();
    expect(entries).toHaveLength(16);
    expect(entries.every((entry) => entry.status === "sent")).toBe(true);
    expect(new Set(remindersPosted().map((message) => message.metadata?.event_payload["key"])).size).toBe(16);
  });

  it("marks each reminder with an opaque key only, and reads only a direct message's recent history", async () => {
    slack = await start();
    slack.fake.fail("chat.postMessage", { lost: true }, { when: isReminder });
    await sendRemindersFrom(at.reminder1Due);

    for (const { metadata } of remindersPosted()) {
      expect(metadata?.event_type).toBe("cohesion_delivery");
      expect(String(metadata?.event_payload["key"])).toMatch(/^[\w-]{22}$/);
    }
    const marks = JSON.stringify(remindersPosted().map((message) => message.metadata));
    expect(marks).not.toMatch(/U0|pain-tue|reminder|slack:/);
    const reads = slack.fake.callsOf("conversations.history");
    expect(reads).toHaveLength(1);
    expect(reads[0]?.args).toMatchObject({ include_all_metadata: "true" });
    expect(String(reads[0]?.args["channel"])).toMatch(/^D/);
    expect(Number(reads[0]?.args["limit"])).toBeLessThanOrEqual(20);
    expect(Number(reads[0]?.args["oldest"])).toBeLessThan(Number(remindersPosted()[0]?.ts));
  });

  it("posts a reminder again when the first post really failed", async () => {
    slack = await start();
    slack.fake.fail(
      "chat.postMessage",
      { status: 500 },
      { when: (args) => isReminder(args) && args["channel"] === "DU0BEN" },
    );
    await sendRemindersFrom(at.reminder1Due);

    expect(remindersPosted("ben")).toHaveLength(1);
    expect(await reminderTo("ben")).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("without access to the history, never posts again after an unknown outcome, and says so once in the log", async () => {
    slack = await start();
    slack.fake.fail("conversations.history", { error: "missing_scope" }, { times: 100 });
    const lostFor = (names: string[]) => (args: Record<string, unknown>) =>
      isReminder(args) && names.some((name) => args["channel"] === `D${userId(name)}`);
    slack.fake.fail("chat.postMessage", { lost: true }, { times: 2, when: lostFor(["ben", "carla"]) });
    await sendRemindersFrom(at.reminder1Due);
    slack.fake.fail("chat.postMessage", { lost: true }, { when: lostFor(["dev"]) });
    await sendRemindersFrom(at.reminder2Due);

    for (const name of ["ben", "carla"]) {
      expect(remindersPosted(name), name).toHaveLength(2);
      expect(await reminderTo(name)).toMatchObject({ status: "failed", error: "outcome-unknown" });
    }
    expect(remindersPosted("dev")).toHaveLength(2);
    expect(await reminderTo("dev", 2)).toMatchObject({ status: "failed", error: "outcome-unknown", attempts: 1 });
    expect(loggedCodes().filter((code) => code === "slack-history-unavailable")).toHaveLength(1);
    expect(JSON.stringify(slack.logger.lines)).not.toMatch(/U0[A-Z]+/);
  });
});
