import { afterEach, describe, expect, it } from "vitest";
import { at } from "../../support/outbox-helpers.js";
import { userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";
import { fixture, formEncoded, interactionBody, postToSlackEndpoint } from "./slack-requests.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const openForm = (value: { kind: string; action?: string }) => value.kind === "button" && value.action === "open-form";

async function openModal(name: string) {
  await slack.sweepAt(at.checkin1Due);
  const checkin = slack.latestPostTo(name, "Full check-in");
  await slack.press(checkin, openForm);
  await slack.until(() => expect(slack.fake.callsOf("views.open")).toHaveLength(1));
  return { checkin, modal: slack.fake.callsOf("views.open")[0]! };
}

describe("the full check-in modal", () => {
  it("shows the 12 GCQ-S items with the 0-6 scale, ids that carry no names, and a title Slack accepts", async () => {
    slack = await SlackHarness.start();
    const { modal } = await openModal("ana");
    const view = modal.args["view"] as {
      title: { text: string };
      submit: { text: string };
      private_metadata: string;
      blocks: { type: string; block_id?: string }[];
    };
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.submit.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks.filter((b) => b.type === "input").map((b) => b.block_id)).toEqual(
      Array.from({ length: 12 }, (_, i) => `q:gcq-${i + 1}`),
    );
    expect(view.private_metadata).not.toMatch(/ana|pain|Chronic|[0-6],/);
  });

  it("keeps the message and its button when Slack says the click's trigger expired, and tells the member", async () => {
    slack = await SlackHarness.start();
    await slack.sweepAt(at.checkin1Due);
    slack.fake.fail("views.open", { error: "expired_trigger_id" });
    await slack.press(slack.latestPostTo("ana", "Full check-in"), openForm);
    await slack.until(() => expect(slack.fake.callsOf("chat.postEphemeral")).toHaveLength(1));
    expect(shownText(slack.fake.callsOf("chat.postEphemeral")[0]!)).toContain("Please tap *Full check-in* again");
    expect(slack.fake.callsOf("chat.update")).toHaveLength(0);
    await slack.press(slack.latestPostTo("ana", "Full check-in"), openForm);
    await slack.until(() => expect(slack.fake.callsOf("views.open")).toHaveLength(1));
  });

  it("a submission that skips items is saved with the skipped ones left out", async () => {
    slack = await SlackHarness.start();
    const { modal } = await openModal("ana");
    await slack.submitForm("ana", modal, [3, null, 2, 4, null, 1, 0, 3, 2, 1, 4, 2]);
    const answers = Object.keys((await slack.store.readGroup("pain-tue")).answers);
    expect(answers).toHaveLength(10);
    expect(answers.some((key) => key.endsWith("|gcq-2"))).toBe(false);
  });

  it("a submission after the window closed keeps the modal open with the reason, and saves nothing", async () => {
    slack = await SlackHarness.start();
    const { modal } = await openModal("ana");
    slack.clock.set(at.session2Starts);
    const response = await slack.submitForm("ana", modal, Array(12).fill(3));
    const body = JSON.parse(response.text) as { response_action: string; view: unknown };
    expect(body.response_action).toBe("update");
    expect(JSON.stringify(body.view)).toContain("This check-in has closed");
    expect((await slack.store.readGroup("pain-tue")).answers).toEqual({});
  });

  it("a submission by someone other than the member is refused in the modal and saves nothing", async () => {
    slack = await SlackHarness.start();
    const { modal } = await openModal("ana");
    const response = await slack.submitForm("ben", modal, Array(12).fill(3));
    expect(response.text).toContain("sent to someone else");
    expect((await slack.store.readGroup("pain-tue")).answers).toEqual({});
  });

  it("a submission whose metadata was tampered with is answered kindly and saves nothing", async () => {
    slack = await SlackHarness.start();
    await openModal("ana");
    const payload = fixture("view-submission", {
      user: userId("ana"),
      blocks: [],
      privateMetadata: "{not json",
      values: {},
    });
    const response = await postToSlackEndpoint(slack.url, interactionBody(payload), formEncoded);
    expect(response.status).toBe(200);
    expect(response.text).toContain("couldn't read those answers");
    expect((await slack.store.readGroup("pain-tue")).answers).toEqual({});
  });
});
