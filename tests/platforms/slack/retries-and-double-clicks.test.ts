import { afterEach, describe, expect, it } from "vitest";
import { rsvpKey } from "../../../src/core/state.js";
import { at } from "../../support/outbox-helpers.js";
import { userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const isAction = (action: string) => (value: { kind: string; action?: string }) =>
  value.kind === "button" && value.action === action;
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe("the same thing arriving twice", () => {
  it("a double click on an RSVP records once and updates the message once", async () => {
    slack = await SlackHarness.start();
    await slack.sweepAt(at.reminder1Due);
    const reminder = slack.latestPostTo("ana", "I'll be there");
    await Promise.all([slack.press(reminder, isAction("rsvp-yes")), slack.press(reminder, isAction("rsvp-yes"))]);
    await slack.until(() => expect(slack.fake.callsOf("chat.update")).toHaveLength(1));
    await settle();
    expect(slack.fake.callsOf("chat.update")).toHaveLength(1);
    expect(slack.fake.callsOf("chat.postEphemeral")).toHaveLength(0);
    expect(Object.keys((await slack.store.readGroup("pain-tue")).rsvps)).toEqual([
      rsvpKey(`slack:${userId("ana")}`, 1),
    ]);
  });

  it("a double click on Full check-in opens one modal", async () => {
    slack = await SlackHarness.start();
    await slack.sweepAt(at.checkin1Due);
    const checkin = slack.latestPostTo("ana", "Full check-in");
    await Promise.all([slack.press(checkin, isAction("open-form")), slack.press(checkin, isAction("open-form"))]);
    await slack.until(() => expect(slack.fake.callsOf("views.open")).toHaveLength(1));
    await settle();
    expect(slack.fake.callsOf("views.open")).toHaveLength(1);
  });

  it("an event Slack delivers again (X-Slack-Retry-Num) has one effect", async () => {
    slack = await SlackHarness.start();
    expect((await slack.openHome("ana", "Ev0HOME0001")).status).toBe(200);
    expect((await slack.openHome("ana", "Ev0HOME0001", 1)).status).toBe(200);
    await slack.until(() => expect(slack.fake.callsOf("views.publish")).toHaveLength(1));
    await settle();
    expect(slack.fake.callsOf("views.publish")).toHaveLength(1);
  });

  it("someone pressing another member's button is kindly refused and nothing changes", async () => {
    slack = await SlackHarness.start();
    await slack.sweepAt(at.reminder1Due);
    await slack.press(slack.latestPostTo("ana", "I'll be there"), isAction("rsvp-no"), "ben");
    await slack.until(() => expect(slack.fake.callsOf("chat.postEphemeral")).toHaveLength(1));
    const refusal = slack.fake.callsOf("chat.postEphemeral")[0]!;
    expect(refusal.args["user"]).toBe(userId("ben"));
    expect(shownText(refusal)).toContain("sent to someone else");
    expect(slack.fake.callsOf("chat.update")).toHaveLength(0);
    expect((await slack.store.readGroup("pain-tue")).rsvps).toEqual({});
  });

  it("a click on a check-in that has closed says so and saves nothing", async () => {
    slack = await SlackHarness.start();
    await slack.sweepAt(at.checkin1Due);
    const checkin = slack.latestPostTo("ana", "Full check-in");
    slack.clock.set(at.session2Starts);
    await slack.press(checkin, (value) => value.kind === "choice" && value.value === 5);
    await slack.until(() => expect(slack.fake.callsOf("chat.postEphemeral")).toHaveLength(1));
    expect(shownText(slack.fake.callsOf("chat.postEphemeral")[0]!)).toContain("This check-in has closed");
    expect(Object.keys((await slack.store.readGroup("pain-tue")).answers)).toEqual([]);
  });
});
