import { afterEach, describe, expect, it } from "vitest";
import { at } from "../../support/outbox-helpers.js";
import { painTue, putForm, session1Forms } from "../../support/flows.js";
import type { RecordedCall } from "./fake-slack-api.js";
import { userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { pressables, shownText } from "./slack-posts.js";
import { fixture, formEncoded, interactionBody, postToSlackEndpoint } from "./slack-requests.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

async function openedHome(name: string, eventId: string): Promise<RecordedCall> {
  const before = slack.fake.callsOf("views.publish").length;
  await slack.openHome(name, eventId);
  await slack.until(() => expect(slack.fake.callsOf("views.publish").length).toBe(before + 1));
  const published = slack.fake.callsOf("views.publish").at(-1)!;
  expect(published.args["user_id"]).toBe(userId(name));
  return published;
}

/** Presses the pause or resume control on a published Home tab, as Slack sends it (a view, not a message). */
async function pressHomeControl(name: string, home: RecordedCall): Promise<void> {
  const view = home.args["view"] as { blocks: unknown[] };
  const control = pressables({ ...home, args: { blocks: view.blocks } })[0];
  if (!control) throw new Error("no control on the Home tab");
  const payload = fixture("block-actions", {
    user: userId(name),
    actionId: String(control.element["action_id"]),
    value: String(control.element["value"]),
    label: "control",
  });
  delete payload["channel"];
  delete payload["message"];
  payload["container"] = { type: "view", view_id: "V0HOME001" };
  const before = slack.fake.callsOf("views.publish").length;
  await postToSlackEndpoint(slack.url, interactionBody(payload), formEncoded);
  await slack.until(() => expect(slack.fake.callsOf("views.publish").length).toBe(before + 1));
}

describe("the App Home", () => {
  it("shows a member their next session and lets them pause and resume", async () => {
    slack = await SlackHarness.start({ now: at.reminder1Due });
    const home = await openedHome("ana", "Ev0001");
    expect(shownText({ ...home, args: home.args["view"] as Record<string, unknown> })).toContain(
      "Next: session 1, Tuesday 1 December, 18:00",
    );
    expect(JSON.stringify(home.args["view"])).toContain("Pause reminders");

    await pressHomeControl("ana", home);
    expect((await slack.store.readGroup("pain-tue")).paused[`slack:${userId("ana")}`]).toBeDefined();
    const paused = slack.fake.callsOf("views.publish").at(-1)!;
    expect(JSON.stringify(paused.args["view"])).toContain("paused your reminders");
    expect(JSON.stringify(paused.args["view"])).toContain("Resume reminders");

    await pressHomeControl("ana", paused);
    expect((await slack.store.readGroup("pain-tue")).paused).toEqual({});
  });

  it("shows a lead their group's latest climate once enough members answered, and no pause control", async () => {
    slack = await SlackHarness.start({ now: painTue.checkin1 });
    await slack.store.updateGroup("pain-tue", (state) => {
      for (const [member, values] of session1Forms)
        putForm(state, `slack:${userId(member.slice("console:".length))}`, 1, values, painTue.checkin1);
    });
    slack.clock.set(painTue.closes1);
    const view = JSON.stringify((await openedHome("okafor", "Ev0002")).args["view"]);
    expect(view).toContain("Chronic pain skills, Tuesday evening");
    expect(view).toContain("Session 1: Engaged 4.4 · Avoiding 1.8 · Conflict 0.4 · 5 full check-ins");
    expect(view).not.toContain("Pause reminders");
  });

  it("shows someone outside any group a kind word and nothing else", async () => {
    slack = await SlackHarness.start();
    const view = JSON.stringify((await openedHome("visitor", "Ev0003")).args["view"]);
    expect(view).toContain("Once your group leaders add you");
    expect(view).not.toContain("Pause");
  });
});
