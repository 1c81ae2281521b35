import { afterEach, describe, expect, it } from "vitest";
import { at } from "../../support/outbox-helpers.js";
import type { RecordedCall } from "./fake-slack-api.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

/** A slash command's ephemeral reply, seen as the message the lead can press buttons on. */
function asPost(body: Record<string, unknown>, channel: string): RecordedCall {
  return {
    method: "respond",
    args: { channel, text: body["text"], blocks: body["blocks"] },
    result: { ts: "1764612600.000100" },
  };
}

describe("erasure through Slack's real endpoint", () => {
  it("a lead asks to forget a member, presses the button Cohesion shows only them, and the member's answers are gone", async () => {
    slack = await SlackHarness.start({ now: at.session1Starts });
    await slack.store.updateGroup("pain-tue", (state) => {
      state.answers["slack:U0ANA|1|pulse|pulse-1"] = { value: 4, at: at.session1Starts };
    });
    const asked = await slack.command("okafor", "forget pain-tue <@U0ANA|Ana>");
    expect(asked.body["response_type"]).toBe("ephemeral");
    expect(JSON.stringify(asked.body)).toContain("`forget pain-tue slack:U0ANA confirm`");

    await slack.press(
      asPost(asked.body, "DU0OKAFOR"),
      (value) => value.kind === "button" && value.action === "forget-confirm",
      "okafor",
    );
    await slack.until(() => expect(slack.fake.callsOf("chat.postEphemeral")).toHaveLength(1));
    expect(shownText(slack.fake.callsOf("chat.postEphemeral")[0]!)).toContain(
      "Done: their data in Chronic pain skills",
    );
    expect((await slack.store.readGroup("pain-tue")).answers).toEqual({});
  });

  it("a member asks `my data` in their direct messages and gets a plain answer", async () => {
    slack = await SlackHarness.start({ now: at.session1Starts });
    await slack.directMessage("ana", "my data", "Ev0MYDATA1");
    await slack.until(() => expect(slack.postsTo("ana").length).toBeGreaterThan(0));
    expect(shownText(slack.latestPostTo("ana", "Here is what Cohesion keeps about you"))).toContain(
      "type `delete my data`",
    );
    expect((await slack.store.readGroup("pain-tue")).messages).toEqual({});
  });
});
