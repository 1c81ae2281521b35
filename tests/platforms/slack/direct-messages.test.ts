import { afterEach, describe, expect, it } from "vitest";
import { at } from "../../support/outbox-helpers.js";
import { userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const riskHeadline = "A member's message may suggest risk";
const words = "Some nights I think everyone would be better off dead without me";
const passedOn = "I've passed your message to your group leaders";
const fromMember = "wrote to Cohesion";
const crisisOpening = "Thank you for telling me.";

/** Cohesion on Slack after session 1's check-in went out, with nothing posted yet. */
async function afterSessionOne(): Promise<SlackHarness> {
  const harness = await SlackHarness.start({ now: at.checkin1Due });
  await harness.sweepAt(at.checkin1Due);
  harness.fake.calls.length = 0;
  return harness;
}

const postsContaining = (name: string, needle: string) =>
  slack.postsTo(name).filter((call) => shownText(call).includes(needle));

describe("a member writing to Cohesion in their Slack direct messages", () => {
  it("with words that suggest risk: they see where to get help now, and both leads get the alert with the words", async () => {
    slack = await afterSessionOne();
    expect((await slack.directMessage("ana", words, "Ev0DM01")).status).toBe(200);
    await slack.until(() => expect(postsContaining("ana", "If you need help now:")).toHaveLength(1));
    await slack.until(() =>
      expect([...postsContaining("okafor", riskHeadline), ...postsContaining("sam", riskHeadline)]).toHaveLength(2),
    );
    expect(shownText(postsContaining("okafor", riskHeadline)[0]!)).toContain(words);
    expect(shownText(postsContaining("ana", "If you need help now:")[0]!)).toContain("Thank you for telling me.");
    expect(
      slack.fake
        .callsOf("chat.postMessage")
        .filter(
          (call) =>
            shownText(call).includes(riskHeadline) && !["DU0OKAFOR", "DU0SAM"].includes(String(call.args["channel"])),
        ),
    ).toEqual([]);
  });

  it("never writes their words or Slack ids to the log", async () => {
    slack = await afterSessionOne();
    await slack.directMessage("ana", words, "Ev0DM02");
    await slack.until(() => expect(postsContaining("okafor", riskHeadline)).toHaveLength(1));
    expect(JSON.stringify(slack.logger.lines)).not.toMatch(/better off|dead|U0ANA|DU0ANA/);
  });

  it("with ordinary words: both leads read them privately, and the member is told who reads them and when", async () => {
    slack = await afterSessionOne();
    const ordinary = "Thanks, the breathing exercise helped";
    await slack.directMessage("ana", ordinary, "Ev0DM03");
    await slack.until(() => expect(postsContaining("ana", passedOn)).toHaveLength(1));
    const reply = shownText(postsContaining("ana", passedOn)[0]!);
    expect(reply).toContain("Your leads read these messages during working hours.");
    expect(reply).toContain("This chat is not watched around the clock.");
    expect(reply).toContain("If you need help now:");
    await slack.until(() =>
      expect([...postsContaining("okafor", fromMember), ...postsContaining("sam", fromMember)]).toHaveLength(2),
    );
    expect(shownText(postsContaining("okafor", fromMember)[0]!)).toContain(ordinary);
    expect(
      slack.fake
        .callsOf("chat.postMessage")
        .map((call) => call.args["channel"])
        .sort(),
    ).toEqual([`D${userId("ana")}`, `D${userId("okafor")}`, `D${userId("sam")}`].sort());
    expect((await slack.store.readGroup("pain-tue")).alerts).toEqual({});
  });

  it("reads Slack's escapes as the characters the member typed", async () => {
    slack = await afterSessionOne();
    await slack.directMessage("ana", `Tired &amp; low. ${words}`, "Ev0DM04");
    await slack.until(() => expect(postsContaining("okafor", riskHeadline)).toHaveLength(1));
    expect(
      Object.values((await slack.store.readGroup("pain-tue")).alerts).map((alert) => JSON.stringify(alert)),
    ).toEqual([expect.stringContaining("Tired & low.")]);
  });

  it("typing 'pause' pauses their reminders and says so", async () => {
    slack = await afterSessionOne();
    await slack.directMessage("ben", "pause", "Ev0DM05");
    await slack.until(() => expect(slack.postsTo("ben")).toHaveLength(1));
    expect(shownText(slack.postsTo("ben")[0]!)).toContain("pause");
    expect((await slack.store.readGroup("pain-tue")).paused[`slack:${userId("ben")}`]).toBeDefined();
  });

  it("has one effect when Slack delivers the same message again", async () => {
    slack = await afterSessionOne();
    await slack.directMessage("ana", words, "Ev0DM06");
    await slack.directMessage("ana", words, "Ev0DM06", { retryNum: 1 });
    await slack.until(() => expect(postsContaining("sam", riskHeadline)).toHaveLength(1));
    await slack.directMessage("ana", "Thanks", "Ev0DM07");
    await slack.until(() => expect(postsContaining("ana", passedOn)).toHaveLength(1));
    expect(postsContaining("ana", crisisOpening)).toHaveLength(1);
    expect(postsContaining("okafor", riskHeadline)).toHaveLength(1);
    expect(Object.keys((await slack.store.readGroup("pain-tue")).alerts)).toHaveLength(1);
  });

  it("reads words sent with a file, in a thread, or changed by an edit, so none of them goes unseen", async () => {
    slack = await afterSessionOne();
    const ways: ((event: Record<string, unknown>) => void)[] = [
      (event) => Object.assign(event, { subtype: "file_share", files: [{ id: "F0PHOTO1" }] }),
      (event) => Object.assign(event, { thread_ts: "1764612000.000001" }),
      (event) =>
        Object.assign(event, {
          subtype: "message_changed",
          message: { type: "message", user: event["user"], text: event["text"] },
          previous_message: { type: "message", user: event["user"], text: "I'm fine" },
        }),
    ];
    for (const [i, change] of ways.entries())
      expect((await slack.directMessage("ana", `${words} (${i + 1})`, `Ev0WAY${i}`, { change })).status).toBe(200);
    await slack.until(() => expect(postsContaining("ana", crisisOpening)).toHaveLength(3));
    // The sweeps run one after another, so this one returns once every alert has gone out.
    await slack.sweepAt(at.checkin1Due);
    expect(postsContaining("okafor", riskHeadline)).toHaveLength(3);
    expect(postsContaining("sam", riskHeadline)).toHaveLength(3);
  });

  it("ignores deletions, edits that keep the words, and bots' own posts (its own updates too)", async () => {
    slack = await afterSessionOne();
    const ignored: ((event: Record<string, unknown>) => void)[] = [
      (event) => Object.assign(event, { subtype: "message_deleted" }),
      (event) =>
        Object.assign(event, {
          subtype: "message_changed",
          message: { type: "message", user: event["user"], text: event["text"] },
          previous_message: { type: "message", user: event["user"], text: event["text"] },
        }),
      (event) =>
        Object.assign(event, {
          subtype: "message_changed",
          message: { type: "message", bot_id: "BBOT0001", text: words },
          previous_message: { type: "message", bot_id: "BBOT0001", text: "Will you be there?" },
        }),
      (event) => Object.assign(event, { bot_id: "BBOT0001", user: "UBOT0001" }),
      (event) => Object.assign(event, { subtype: "bot_message", bot_id: "B0OTHER" }),
      (event) => Object.assign(event, { subtype: "channel_join" }),
    ];
    for (const [i, change] of ignored.entries())
      expect((await slack.directMessage("ana", words, `Ev0IGN${i}`, { change })).status).toBe(200);
    await slack.directMessage("ben", "Thanks", "Ev0DM08");
    await slack.until(() => expect(postsContaining("ben", passedOn)).toHaveLength(1));
    expect(slack.postsTo("ana")).toEqual([]);
    expect((await slack.store.readGroup("pain-tue")).alerts).toEqual({});
  });

  it("ignores a message event it cannot read, logging only that it was rejected", async () => {
    slack = await afterSessionOne();
    expect(
      (
        await slack.directMessage("ana", words, "Ev0BAD1", {
          change: (event) => Object.assign(event, { user: "not a user" }),
        })
      ).status,
    ).toBe(200);
    await slack.directMessage("ben", "Thanks", "Ev0DM09");
    await slack.until(() => expect(postsContaining("ben", passedOn)).toHaveLength(1));
    expect(slack.postsTo("ana")).toEqual([]);
    expect(slack.logger.lines.map((line) => line.message)).toContain("Slack payload rejected");
  });
});
