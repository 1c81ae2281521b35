import { afterEach, describe, expect, it } from "vitest";
import { at } from "../../support/outbox-helpers.js";
import { userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";
import { sendEvent } from "./recorded-payloads.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const passedOn = "I've passed your message to your group leaders";
const fromMember = "wrote to Cohesion";
const threadTs = "1764612000.000300";
let events = 0;

/** Sends a recorded message event written in `name`'s direct messages with Cohesion. */
function written(name: string, fixture: string, text: string, channel = `D${userId(name)}`) {
  events += 1;
  const ts = `1764612600.${String(events).padStart(6, "0")}`;
  return sendEvent(slack, fixture, { user: userId(name), channel, text, eventId: `Ev0REC${events}`, ts, threadTs });
}

const postsContaining = (name: string, needle: string) =>
  slack.postsTo(name).filter((call) => shownText(call).includes(needle));

/** Cohesion on Slack after session 1's check-in went out, with nothing posted yet. */
async function afterSessionOne(): Promise<SlackHarness> {
  const harness = await SlackHarness.start({ now: at.checkin1Due });
  await harness.sweepAt(at.checkin1Due);
  harness.fake.calls.length = 0;
  return harness;
}

describe("message.im events in the shapes Slack publishes, replayed through POST /slack/events", () => {
  it("a member's plain message reaches both leads, and the member is told who reads it", async () => {
    slack = await afterSessionOne();
    expect((await written("ana", "message-im", "The breathing exercise helped this week")).status).toBe(200);
    await slack.until(() => expect(postsContaining("ana", passedOn)).toHaveLength(1));
    await slack.until(() =>
      expect([...postsContaining("okafor", fromMember), ...postsContaining("sam", fromMember)]).toHaveLength(2),
    );
    expect(shownText(postsContaining("okafor", fromMember)[0]!)).toContain("The breathing exercise helped this week");
  });

  it("ignores what is not a member writing: edits by Cohesion, thread counts, deletions, bots, its own posts, joins", async () => {
    slack = await afterSessionOne();
    const logged = slack.logger.lines.length;
    const notWriting = [
      "message-im-changed-by-cohesion",
      "message-im-changed-thread-metadata",
      "message-im-deleted",
      "message-im-bot-message",
      "message-im-from-cohesion",
      "message-im-ekm-access-denied",
    ];
    for (const fixture of notWriting) expect((await written("ana", fixture, "I feel awful tonight")).status).toBe(200);
    const join = await written("ana", "message-channel-join", "", "C0CARETEAM");
    expect(join.status).toBe(200);
    await written("ben", "message-im", "Thanks");
    await slack.until(() => expect(postsContaining("ben", passedOn)).toHaveLength(1));
    expect(slack.postsTo("ana")).toEqual([]);
    expect(slack.fake.callsOf("chat.postMessage").filter((call) => call.args["channel"] === "C0CARETEAM")).toEqual([]);
    expect(slack.logger.lines.slice(logged).filter((line) => line.level !== "info")).toEqual([]);
  });

  it("words sent with a file are read as the words, and a file alone passes quietly", async () => {
    slack = await afterSessionOne();
    await written("ana", "message-im-file-share", "");
    await written("ana", "message-im-file-share", "My pain diary for this week");
    await slack.until(() => expect(postsContaining("okafor", fromMember)).toHaveLength(1));
    expect(shownText(postsContaining("okafor", fromMember)[0]!)).toContain("My pain diary for this week");
    await slack.until(() => expect(postsContaining("ana", passedOn)).toHaveLength(1));
  });

  it("a member's edit that changes their words is read as what they now say", async () => {
    slack = await afterSessionOne();
    await written("ana", "message-im-changed-by-member", "Actually the week was very hard");
    await slack.until(() => expect(postsContaining("okafor", fromMember)).toHaveLength(1));
    expect(shownText(postsContaining("okafor", fromMember)[0]!)).toContain("Actually the week was very hard");
  });

  it("a thread reply also sent to the chat is answered in its thread", async () => {
    slack = await afterSessionOne();
    await written("ana", "message-im-thread-broadcast", "help");
    await slack.until(() => expect(postsContaining("ana", "What you can ask")).toHaveLength(1));
    expect(postsContaining("ana", "What you can ask")[0]!.args["thread_ts"]).toBe(threadTs);
  });

  it("a /me message is read as the member's words", async () => {
    slack = await afterSessionOne();
    await written("ana", "message-im-me-message", "is struggling to sleep since the last session");
    await slack.until(() => expect(postsContaining("okafor", fromMember)).toHaveLength(1));
    expect(shownText(postsContaining("okafor", fromMember)[0]!)).toContain("struggling to sleep");
  });
});
