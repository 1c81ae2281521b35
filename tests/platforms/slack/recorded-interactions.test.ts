import { afterEach, describe, expect, it } from "vitest";
import { at } from "../../support/outbox-helpers.js";
import { userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";
import { pressOf, recorded, sendCommand, sendInteraction, submissionOf } from "./recorded-payloads.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const good = (value: { kind: string; itemId?: string; value?: number }) => value.kind === "choice" && value.value === 4;
const openForm = (value: { kind: string; action?: string }) => value.kind === "button" && value.action === "open-form";
const fullAnswers = [3, 4, 2, 1, 0, 5, 6, 3, 2, 4, 1, 3];

/** Cohesion on Slack with session 1's check-in just sent to every member. */
async function afterCheckin(): Promise<SlackHarness> {
  const harness = await SlackHarness.start();
  await harness.sweepAt(at.checkin1Due);
  return harness;
}

describe("Slack interactions in the shapes Slack publishes, replayed through POST /slack/events", () => {
  it("a slash command typed in a direct message gets its reply, seen only by the person who asked", async () => {
    slack = await SlackHarness.start();
    const reply = await sendCommand(slack, "slash-command-dm", {
      user: userId("ana"),
      channel: "DU0ANA",
      text: "help",
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ response_type: "ephemeral" });
    expect(reply.body).toContain("What you can ask Cohesion");
  });

  it("a pulse tapped in a direct message check-in is stored, and the message becomes a kind thank-you", async () => {
    slack = await afterCheckin();
    const checkin = slack.latestPostTo("ana", "Full check-in");
    const press = recorded("block-actions-dm", pressOf(slack, checkin, good, userId("ana")));
    expect((await sendInteraction(slack, press)).status).toBe(200);
    await slack.until(() => expect(slack.fake.callsOf("chat.update")).toHaveLength(1));
    const thanks = slack.fake.callsOf("chat.update")[0]!;
    expect(thanks.args).toMatchObject({ channel: "DU0ANA", ts: checkin.result["ts"] });
    expect(shownText(thanks)).toContain("Thank you");
    expect(shownText(thanks)).toContain("Full check-in");
    const answers = Object.values((await slack.store.readGroup("pain-tue")).answers);
    expect(answers).toEqual([expect.objectContaining({ value: 4 })]);
  });

  it("the pause button on the App Home (a view, no channel) pauses reminders and shows it there", async () => {
    slack = await SlackHarness.start({ now: at.reminder1Due });
    await slack.openHome("ana", "Ev0RHOME1");
    await slack.until(() => expect(slack.fake.callsOf("views.publish")).toHaveLength(1));
    const home = slack.fake.callsOf("views.publish")[0]!;
    const press = recorded(
      "block-actions-app-home",
      pressOf(slack, home, (v) => v.kind === "home", userId("ana")),
    );
    expect(press["channel"]).toBeUndefined();
    expect((await sendInteraction(slack, press)).status).toBe(200);
    await slack.until(() => expect(slack.fake.callsOf("views.publish")).toHaveLength(2));
    expect((await slack.store.readGroup("pain-tue")).paused[`slack:${userId("ana")}`]).toBeDefined();
    const paused = slack.fake.callsOf("views.publish")[1]!;
    expect(paused.args["user_id"]).toBe(userId("ana"));
    expect(JSON.stringify(paused.args["view"])).toContain("Resume reminders");
  });

  it("the full check-in submitted from its modal is stored, the modal closes and the message says thank you", async () => {
    slack = await afterCheckin();
    const checkin = slack.latestPostTo("ana", "Full check-in");
    await sendInteraction(slack, recorded("block-actions-dm", pressOf(slack, checkin, openForm, userId("ana"))));
    await slack.until(() => expect(slack.fake.callsOf("views.open")).toHaveLength(1));
    const modal = slack.fake.callsOf("views.open")[0]!;
    const submit = recorded("view-submission-full-check-in", submissionOf(modal, userId("ana"), fullAnswers));
    const closed = await sendInteraction(slack, submit);
    expect(closed).toEqual({ status: 200, text: "" });
    const answers = Object.entries((await slack.store.readGroup("pain-tue")).answers);
    expect(answers.filter(([key]) => key.includes("|gcq-"))).toHaveLength(12);
    await slack.until(() => expect(slack.fake.callsOf("chat.update")).toHaveLength(1));
    expect(slack.fake.callsOf("chat.update")[0]!.args).toMatchObject({ channel: "DU0ANA", ts: checkin.result["ts"] });
  });
});
