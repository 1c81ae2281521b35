import { afterEach, describe, expect, it } from "vitest";
import { toAddress } from "../../../src/kernel/address.js";
import { at } from "../../support/outbox-helpers.js";
import { careTeamChannel, slackConfig, userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const words = "Some nights I think everyone would be better off dead without me";
const minutesAfter = (instant: string, minutes: number) =>
  new Date(new Date(instant).getTime() + minutes * 60_000).toISOString();
const acknowledge = (value: { kind: string; action?: string }) =>
  value.kind === "button" && value.action === "alert-acknowledge";

/** Cohesion on Slack with a clinician on call, and a member's risky message at the end of session 1. */
async function urgentMessageOnSlack(): Promise<SlackHarness> {
  const config = slackConfig();
  const onCall = [toAddress(`slack:${userId("patel")}`)];
  const harness = await SlackHarness.start({
    now: at.checkin1Due,
    config: { ...config, organisation: { ...config.organisation, safety: { ...config.organisation.safety, onCall } } },
  });
  await harness.sweepAt(at.checkin1Due);
  await harness.directMessage("ana", words, "Ev0ESC01");
  await harness.until(() => expect(harness.postsTo("okafor").length).toBeGreaterThan(0));
  return harness;
}

const teamPosts = () =>
  slack.fake.callsOf("chat.postMessage").filter((call) => call.args["channel"] === careTeamChannel);

describe("an urgent alert on Slack that no lead acknowledges", () => {
  it("reaches the clinician on call, then the care team channel without the member's words", async () => {
    slack = await urgentMessageOnSlack();
    await slack.sweepAt(minutesAfter(at.checkin1Due, 60));
    expect(shownText(slack.latestPostTo("patel", "Escalated to you"))).toContain(words);
    await slack.sweepAt(minutesAfter(at.checkin1Due, 120));
    const told = teamPosts().filter((call) => shownText(call).includes("has not been acknowledged"));
    expect(told).toHaveLength(1);
    expect(shownText(told[0]!)).not.toContain("better off");
    expect(shownText(told[0]!)).not.toContain(userId("ana"));
  });

  it("stops once the clinician on call acknowledges it with the button", async () => {
    slack = await urgentMessageOnSlack();
    await slack.sweepAt(minutesAfter(at.checkin1Due, 60));
    expect((await slack.press(slack.latestPostTo("patel", "Escalated to you"), acknowledge, "patel")).status).toBe(200);
    await slack.until(() => expect(slack.fake.callsOf("chat.update").length).toBeGreaterThan(0));
    const before = slack.fake.callsOf("chat.postMessage").length;
    for (const minutes of [120, 180, 240]) await slack.sweepAt(minutesAfter(at.checkin1Due, minutes));
    expect(slack.fake.callsOf("chat.postMessage")).toHaveLength(before);
    const audit = (await slack.store.readGroup("pain-tue")).audit.map((entry) => entry.action);
    expect(audit).toEqual(["alert-escalated", "alert-acknowledged"]);
  });
});
