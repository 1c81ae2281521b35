import { afterEach, describe, expect, it } from "vitest";
import { at } from "../../support/outbox-helpers.js";
import { userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";
import { pressOf, recorded, sendCommand, sendEvent, sendInteraction, submissionOf } from "./recorded-payloads.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const pulse = (value: { kind: string; value?: number }) => value.kind === "choice" && value.value === 3;
const openForm = (value: { kind: string; action?: string }) => value.kind === "button" && value.action === "open-form";

async function afterCheckin(): Promise<SlackHarness> {
  const harness = await SlackHarness.start();
  await harness.sweepAt(at.checkin1Due);
  return harness;
}

describe("Enterprise Grid payloads (an enterprise id, the workspace's team id, org-wide or workspace installs)", () => {
  it("a slash command from an org-wide install, by a W… user of another workspace, gets its reply", async () => {
    slack = await SlackHarness.start();
    const reply = await sendCommand(slack, "slash-command-grid-org-install", {
      user: "W0GRID0042",
      channel: "DW0GRID0042",
      text: "help",
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ response_type: "ephemeral" });
    expect(reply.body).toContain("What you can ask Cohesion");
  });

  it("a member's own slash command works the same on an org-wide install", async () => {
    slack = await SlackHarness.start();
    const reply = await sendCommand(slack, "slash-command-grid-org-install", {
      user: userId("ben"),
      channel: "DU0BEN",
      text: "pause",
    });
    expect(reply.status).toBe(200);
    expect((await slack.store.readGroup("pain-tue")).paused[`slack:${userId("ben")}`]).toBeDefined();
  });

  it("a pulse tapped by a member whose home workspace differs from the app's is stored and thanked", async () => {
    slack = await afterCheckin();
    const checkin = slack.latestPostTo("ana", "Full check-in");
    const press = recorded("block-actions-grid-dm", pressOf(slack, checkin, pulse, userId("ana")));
    expect((await sendInteraction(slack, press)).status).toBe(200);
    await slack.until(() => expect(slack.fake.callsOf("chat.update")).toHaveLength(1));
    expect(slack.fake.callsOf("chat.update")[0]!.args).toMatchObject({ channel: "DU0ANA", ts: checkin.result["ts"] });
    expect(Object.values((await slack.store.readGroup("pain-tue")).answers)).toEqual([
      expect.objectContaining({ value: 3 }),
    ]);
  });

  it("the full check-in submitted on an org-wide install (no team in the payload) is stored and the modal closes", async () => {
    slack = await afterCheckin();
    const checkin = slack.latestPostTo("carla", "Full check-in");
    await sendInteraction(slack, recorded("block-actions-grid-dm", pressOf(slack, checkin, openForm, userId("carla"))));
    await slack.until(() => expect(slack.fake.callsOf("views.open")).toHaveLength(1));
    const modal = slack.fake.callsOf("views.open")[0]!;
    const answers = [2, 3, 4, 1, 0, 2, 5, 6, 3, 2, 1, 4];
    const submit = recorded("view-submission-grid-org-install", submissionOf(modal, userId("carla"), answers));
    expect(await sendInteraction(slack, submit)).toEqual({ status: 200, text: "" });
    const stored = Object.keys((await slack.store.readGroup("pain-tue")).answers);
    expect(stored.filter((key) => key.includes("|gcq-"))).toHaveLength(12);
  });

  it("a member's direct message on an org-wide install reaches the leads", async () => {
    slack = await SlackHarness.start({ now: at.checkin1Due });
    const status = await sendEvent(slack, "message-im-grid-org-install", {
      user: userId("dev"),
      channel: "DU0DEV",
      text: "Can I bring my partner next week?",
      eventId: "Ev0GRID001",
      ts: "1764612600.000901",
    });
    expect(status.status).toBe(200);
    await slack.until(() =>
      expect(
        slack.postsTo("okafor").filter((call) => shownText(call).includes("Can I bring my partner next week?")),
      ).toHaveLength(1),
    );
  });
});
