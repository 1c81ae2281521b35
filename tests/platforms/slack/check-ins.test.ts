import { afterEach, describe, expect, it } from "vitest";
import { at } from "../../support/outbox-helpers.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const checkin = "Full check-in";
const postsContaining = (name: string, needle: string) =>
  slack.postsTo(name).filter((call) => shownText(call).includes(needle));

describe("no check-ins through Slack's real endpoints", () => {
  it("a member says /cohesion no check-ins and gets no check-in; in their direct messages they turn them back on", async () => {
    slack = await SlackHarness.start({ now: at.session1Ends });
    const reply = JSON.stringify((await slack.command("ana", "no check-ins")).body);
    expect(reply).toContain("ephemeral");
    expect(reply).toContain("You won't get check-ins from now on");
    expect(reply).toContain("`check-ins on`");

    await slack.sweepAt(at.checkin1Due);
    expect(postsContaining("ana", checkin)).toEqual([]);
    expect(postsContaining("ben", checkin)).toHaveLength(1);

    await slack.directMessage("ana", "check-ins again", "Ev0CI01");
    await slack.until(() => expect(postsContaining("ana", "Your check-ins are on again")).toHaveLength(1));
    await slack.sweepAt("2026-12-01T20:00:00Z");
    expect(postsContaining("ana", checkin)).toHaveLength(1);
  });
});
