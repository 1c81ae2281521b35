import { afterEach, describe, expect, it } from "vitest";
import { withDtRule, withThermometer } from "../../support/distress-thermometer.js";
import { at } from "../../support/outbox-helpers.js";
import { slackConfig, userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const openForm = (value: { kind: string; action?: string }) => value.kind === "button" && value.action === "open-form";

interface Input {
  type: string;
  block_id?: string;
  element?: { type: string; options: { text: { text: string }; value: string }[] };
}

async function startWithThermometer() {
  const config = slackConfig();
  slack = await SlackHarness.start({
    config: { organisation: withDtRule(config.organisation), groups: config.groups.map(withThermometer) },
  });
  await slack.sweepAt(at.checkin1Due);
  await slack.press(slack.latestPostTo("ana", "Full check-in"), openForm);
  await slack.until(() => expect(slack.fake.callsOf("views.open")).toHaveLength(1));
  return slack.fake.callsOf("views.open")[0]!;
}

describe("the distress thermometer in the Slack check-in modal", () => {
  it("follows the GCQ-S as a menu of 0 to 10 (more than radio buttons allow), within Slack's limits", async () => {
    const modal = await startWithThermometer();
    const view = modal.args["view"] as { blocks: Input[] };
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const inputs = view.blocks.filter((b) => b.type === "input");
    expect(inputs.map((b) => b.block_id)).toHaveLength(13);
    const dt = inputs.at(-1);
    expect(dt?.block_id).toBe("q:dt-1");
    expect(dt?.element?.type).toBe("static_select");
    expect(dt?.element?.options.map((o) => o.text.text)).toEqual([
      "0 No distress",
      ...Array.from({ length: 9 }, (_, i) => String(i + 1)),
      "10 Extreme distress",
    ]);
    for (const gcq of inputs.slice(0, 12)) expect(gcq.element?.type).toBe("static_select");
  });

  it("a submission with 4 or more shows the crisis lines and alerts the leads at once, not the care team", async () => {
    const modal = await startWithThermometer();
    await slack.submitForm("ana", modal, [...Array<number>(12).fill(3), 6]);
    await slack.until(() => expect(slack.fake.callsOf("chat.update")).toHaveLength(1));
    expect(shownText(slack.fake.callsOf("chat.update")[0]!)).toContain("Samaritans");
    const state = await slack.store.readGroup("pain-tue");
    expect(Object.keys(state.answers).filter((key) => key.endsWith("|distress-thermometer|dt-1"))).toHaveLength(1);
    expect(Object.values(state.alerts)).toMatchObject([{ kind: "distress", item: "dt-1", value: 6 }]);
    await slack.until(() => {
      const alerts = slack.fake
        .callsOf("chat.postMessage")
        .filter((call) => shownText(call).includes("A member gave a distress answer"));
      expect(alerts.map((call) => call.args["channel"]).sort()).toEqual([`D${userId("okafor")}`, `D${userId("sam")}`]);
    });
  });
});
