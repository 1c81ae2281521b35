import { afterEach, describe, expect, it } from "vitest";
import { at } from "../../support/outbox-helpers.js";
import { userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

describe("members Slack cannot reach", () => {
  it("tells each lead once, naming the member with a Slack mention, when a member's account is gone", async () => {
    slack = await SlackHarness.start();
    slack.fake.fail(
      "conversations.open",
      { error: "user_not_found" },
      { times: 10, when: (args) => args["users"] === userId("ana") },
    );
    await slack.sweepAt(at.reminder1Due);
    await slack.sweepAt("2026-11-30T18:01:00Z");
    await slack.sweepAt("2026-11-30T18:30:00Z");
    const entry = Object.values((await slack.store.readGroup("pain-tue")).outbox).find(
      (e) => e.delivery.kind === "reminder" && e.delivery.recipient === `slack:${userId("ana")}`,
    );
    expect(entry).toMatchObject({ status: "failed", error: "recipient-gone", attempts: 1 });
    const notices = slack.fake
      .callsOf("chat.postMessage")
      .filter((c) => shownText(c).includes("isn't getting Cohesion's messages"));
    expect(notices.map((c) => c.args["channel"]).sort()).toEqual([`D${userId("okafor")}`, `D${userId("sam")}`]);
    expect(shownText(notices[0]!)).toContain(`<@${userId("ana")}>`);
  });

  it("treats a direct message channel that has gone as a member who cannot be reached", async () => {
    slack = await SlackHarness.start();
    await slack.sweepAt(at.orientationDue);
    slack.fake.fail(
      "chat.postMessage",
      { error: "channel_not_found" },
      { times: 10, when: (args) => args["channel"] === `D${userId("dev")}` },
    );
    await slack.sweepAt(at.reminder1Due);
    await slack.sweepAt("2026-11-30T18:01:00Z");
    const notices = slack.fake
      .callsOf("chat.postMessage")
      .filter((c) => shownText(c).includes("isn't getting Cohesion's messages"));
    expect(notices).toHaveLength(2);
    expect(shownText(notices[0]!)).toContain(`<@${userId("dev")}>`);
  });

  it("does not post a reminder again when its answer was lost but the direct message shows it arrived", async () => {
    slack = await SlackHarness.start();
    slack.fake.clock = () => slack.clock.now();
    await slack.sweepAt(at.orientationDue);
    // Ben's reminder is posted but its answer is lost (the orientation's messages due with it are not).
    slack.fake.fail(
      "chat.postMessage",
      { lost: true },
      { when: (args) => args["channel"] === `D${userId("ben")}` && String(args["text"]).includes("meets tomorrow") },
    );
    await slack.sweepAt(at.reminder1Due);
    await slack.sweepAt("2026-11-30T18:10:00Z");
    const toBen = slack.postsTo("ben").filter((c) => shownText(c).includes("I'll be there"));
    expect(toBen).toHaveLength(1);
    const entry = Object.values((await slack.store.readGroup("pain-tue")).outbox).find(
      (e) => e.delivery.kind === "reminder" && e.delivery.recipient === `slack:${userId("ben")}`,
    );
    expect(entry).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("logs a rejected token by its code only, and does not retry it", async () => {
    slack = await SlackHarness.start();
    await slack.sweepAt(at.orientationDue);
    slack.fake.fail("chat.postMessage", { error: "invalid_auth" }, { times: 100 });
    await slack.sweepAt(at.reminder1Due);
    const entries = Object.values((await slack.store.readGroup("pain-tue")).outbox).filter(
      (e) => e.delivery.kind === "reminder",
    );
    expect(entries.every((e) => e.status === "failed" && e.error === "slack-invalid_auth")).toBe(true);
    const logged = JSON.stringify(slack.logger.lines);
    expect(logged).toContain("slack-invalid_auth");
    expect(logged).not.toMatch(/U0[A-Z]+/);
  });
});
