import { afterEach, describe, expect, it } from "vitest";
import { userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

describe("the leads' briefing on Slack", () => {
  it("is posted in each lead's direct messages three hours before the session, naming members natively", async () => {
    slack = await SlackHarness.start();
    await slack.sweepAt("2026-12-01T14:59:00Z");
    expect(slack.postsTo("okafor").filter((post) => shownText(post).includes("Briefing before session"))).toEqual([]);
    await slack.sweepAt("2026-12-01T15:00:00Z");
    for (const lead of ["okafor", "sam"]) {
      const briefing = slack.latestPostTo(lead, "Briefing before session 1");
      expect(shownText(briefing)).toContain("Members: 8 need attention (8 orientation not confirmed).");
      expect(shownText(briefing)).toContain(`<@${userId("ana")}>`);
    }
    expect(slack.postsTo("ana").filter((post) => shownText(post).includes("Briefing before session"))).toEqual([]);
  });
});
