import { afterEach, describe, expect, it } from "vitest";
import type { OutboxEntry } from "../../../src/core/state.js";
import { at } from "../../support/outbox-helpers.js";
import { userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const names = ["ana", "ben", "carla", "dev", "erin", "femi", "grace", "hugo"];

function remindersPerMember(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of slack.fake.callsOf("chat.postMessage").filter((c) => shownText(c).includes("I'll be there"))) {
    const channel = String(call.args["channel"]);
    counts.set(channel, (counts.get(channel) ?? 0) + 1);
  }
  return counts;
}

async function reminderEntries(): Promise<OutboxEntry[]> {
  return Object.values((await slack.store.readGroup("pain-tue")).outbox).filter(
    (entry) => entry.delivery.kind === "reminder",
  );
}

const isReminder = (args: Record<string, unknown>) => String(args["text"]).includes("meets tomorrow");

const everyoneOnce = new Map(names.map((name) => [`D${userId(name)}`, 1]));

describe("Slack's rate limits", () => {
  it("waits out a storm of 429s in place: every member gets their reminder exactly once in the same sweep", async () => {
    slack = await SlackHarness.start();
    slack.fake.fail("chat.postMessage", { status: 429, retryAfter: 1 }, { times: 4 });
    await slack.sweepAt(at.reminder1Due);
    expect(remindersPerMember()).toEqual(everyoneOnce);
    expect((await reminderEntries()).map((entry) => entry.status)).toEqual(Array(8).fill("sent"));
  });

  it("hands a long Retry-After back to the outbox, which sends once it has passed, still exactly once", async () => {
    slack = await SlackHarness.start();
    await slack.sweepAt(at.orientationDue);
    // The first reminder posted is refused; the orientation's messages due with it go through.
    slack.fake.fail("chat.postMessage", { status: 429, retryAfter: 120 }, { times: 1, when: isReminder });
    await slack.sweepAt(at.reminder1Due);
    const waiting = (await reminderEntries()).filter((entry) => entry.status === "retrying");
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.error).toBe("rate-limited");
    expect(
      new Date(waiting[0]?.nextAttemptAt ?? 0).getTime() - new Date(at.reminder1Due).getTime(),
    ).toBeGreaterThanOrEqual(120_000);
    await slack.sweepAt("2026-11-30T18:03:00Z");
    expect(remindersPerMember()).toEqual(everyoneOnce);
  });

  it("a storm longer than one call absorbs still ends with each reminder delivered exactly once", async () => {
    slack = await SlackHarness.start();
    slack.fake.fail("chat.postMessage", { status: 429, retryAfter: 1 }, { times: 12 });
    await slack.sweepAt(at.reminder1Due);
    await slack.sweepAt("2026-11-30T18:02:00Z");
    await slack.sweepAt("2026-11-30T18:10:00Z");
    expect(remindersPerMember()).toEqual(everyoneOnce);
    expect((await reminderEntries()).map((entry) => entry.status)).toEqual(Array(8).fill("sent"));
  });
});
