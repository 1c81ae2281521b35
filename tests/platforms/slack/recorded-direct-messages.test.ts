import { afterEach, describe, expect, it } from "vitest";
import { at } from "../../support/outbox-helpers.js";
import { userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const threadTs = "1764612000.000100";

describe("a member's direct message in the shapes Slack publishes, replayed through the events endpoint", () => {
  it("a reply inside a thread of the direct message is answered in that thread", async () => {
    slack = await SlackHarness.start({ now: at.checkin1Due });
    const status = await slack.directMessage("ana", "help", "Ev0THREAD1", {
      change: (event) => Object.assign(event, { thread_ts: threadTs, parent_user_id: userId("ana") }),
    });
    expect(status.status).toBe(200);
    await slack.until(() =>
      expect(slack.postsTo("ana").filter((call) => shownText(call).includes("What you can ask"))).toHaveLength(1),
    );
    const [reply] = slack.postsTo("ana").filter((call) => shownText(call).includes("What you can ask"));
    expect(reply?.args["thread_ts"]).toBe(threadTs);
  });

  it("a reply in a thread Cohesion cannot read still reaches Cohesion, answered at the top", async () => {
    slack = await SlackHarness.start({ now: at.checkin1Due });
    const status = await slack.directMessage("ana", "help", "Ev0THREAD2", {
      change: (event) => Object.assign(event, { thread_ts: "not-a-timestamp" }),
    });
    expect(status.status).toBe(200);
    await slack.until(() => expect(slack.postsTo("ana")).toHaveLength(1));
    expect(shownText(slack.postsTo("ana")[0]!)).toContain("What you can ask");
    expect(slack.postsTo("ana")[0]?.args["thread_ts"]).toBeUndefined();
  });

  it("a message at the top of the direct message is answered at the top", async () => {
    slack = await SlackHarness.start({ now: at.checkin1Due });
    await slack.directMessage("ana", "help", "Ev0TOP0001");
    await slack.until(() => expect(slack.postsTo("ana")).toHaveLength(1));
    expect(slack.postsTo("ana")[0]?.args["thread_ts"]).toBeUndefined();
  });
});
