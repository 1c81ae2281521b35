import { afterEach, describe, expect, it } from "vitest";
import { at } from "../../support/outbox-helpers.js";
import { SlackHarness } from "./slack-harness.js";
import { formEncoded, postToSlackEndpoint, slashCommandBody } from "./slack-requests.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const now = () => Math.floor(Date.now() / 1000);
const isYes = (value: { kind: string; action?: string }) => value.kind === "button" && value.action === "rsvp-yes";

async function nothingHappened(): Promise<void> {
  const state = await slack.store.readGroup("pain-tue");
  expect(state.rsvps).toEqual({});
  expect(
    slack.fake.callsAfterStartup.filter((c) => c.method !== "chat.postMessage" && c.method !== "conversations.open"),
  ).toEqual([]);
}

describe("Slack requests Cohesion trusts", () => {
  it("refuses a click signed with the wrong secret: 401, nothing stored, nothing sent", async () => {
    slack = await SlackHarness.start();
    await slack.sweepAt(at.reminder1Due);
    const response = await slack.press(slack.latestPostTo("ana", "I'll be there"), isYes, undefined, {
      secret: "not-the-signing-secret",
    });
    expect(response.status).toBe(401);
    await nothingHappened();
  });

  it("refuses a replayed click signed more than five minutes ago", async () => {
    slack = await SlackHarness.start();
    await slack.sweepAt(at.reminder1Due);
    const response = await slack.press(slack.latestPostTo("ana", "I'll be there"), isYes, undefined, {
      timestamp: now() - 6 * 60,
    });
    expect(response.status).toBe(401);
    await nothingHappened();
  });

  it("refuses a click stamped more than five minutes in the future", async () => {
    slack = await SlackHarness.start();
    await slack.sweepAt(at.reminder1Due);
    const response = await slack.press(slack.latestPostTo("ana", "I'll be there"), isYes, undefined, {
      timestamp: now() + 6 * 60,
    });
    expect(response.status).toBe(401);
    await nothingHappened();
  });

  it("refuses a slash command without a signature, and an unsigned ssl_check never reaches a handler", async () => {
    slack = await SlackHarness.start();
    const body = slashCommandBody({
      user: "U0OKAFOR",
      channel: "D0OKAFOR",
      text: "summary pain-tue",
      responseUrl: `${slack.fake.url}/respond/1`,
    });
    expect((await postToSlackEndpoint(slack.url, body, formEncoded, { unsigned: true })).status).toBe(401);
    expect(
      (await postToSlackEndpoint(slack.url, "ssl_check=1&token=anything", formEncoded, { unsigned: true })).status,
    ).toBe(401);
    expect(slack.fake.callsAfterStartup).toEqual([]);
  });

  it("answers a signed ssl_check and url_verification as Slack expects", async () => {
    slack = await SlackHarness.start();
    expect((await postToSlackEndpoint(slack.url, "ssl_check=1&token=anything", formEncoded)).status).toBe(200);
    const verification = await postToSlackEndpoint(
      slack.url,
      JSON.stringify({ type: "url_verification", challenge: "c0ffee" }),
      "application/json",
    );
    expect(JSON.parse(verification.text)).toEqual({ challenge: "c0ffee" });
  });

  it("refuses a body over the size limit without reading it into a handler", async () => {
    slack = await SlackHarness.start();
    const huge = `payload=${"x".repeat(1_100_000)}`;
    expect((await postToSlackEndpoint(slack.url, huge, formEncoded)).status).toBe(413);
    expect(slack.fake.callsAfterStartup).toEqual([]);
  });
});
