import { afterEach, describe, expect, it } from "vitest";
import { at } from "../../support/outbox-helpers.js";
import { careTeamChannel } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const isAction = (action: string) => (value: { kind: string; action?: string }) =>
  value.kind === "button" && value.action === action;

describe("a member's status through Slack's real endpoint", () => {
  it("a lead marks a member deceased with a mention, confirms with the line Cohesion gives, and the member's chat gets nothing after", async () => {
    slack = await SlackHarness.start();
    const asked = JSON.stringify((await slack.command("okafor", "status pain-tue <@U0ANA|Ana> deceased")).body);
    expect(asked).toContain("ephemeral");
    expect(asked).toContain("<@U0ANA> will be marked deceased in Chronic pain skills, Tuesday evening.");
    expect(asked).toContain("`status pain-tue slack:U0ANA deceased confirm`");
    expect((await slack.store.readGroup("pain-tue")).memberStatus).toEqual({});

    const done = JSON.stringify((await slack.command("okafor", "status pain-tue slack:U0ANA deceased confirm")).body);
    expect(done).toContain("<@U0ANA> is now marked deceased");

    const answer = await slack.command("ana", "help");
    expect(answer).toEqual({ status: 200, body: {} });
    await slack.sweepAt(at.reminder1Due);
    expect(slack.postsTo("ana")).toEqual([]);
    expect(slack.postsTo("ben").some((call) => shownText(call).includes("I'll be there"))).toBe(true);
    expect(slack.fake.responses).toEqual([]);
  });

  it("works for a lead in the care team's channel (only they see the reply); a member and an unknown name are refused kindly", async () => {
    slack = await SlackHarness.start();
    const reply = await slack.command("okafor", "status pain-tue U0ANA on-hold", careTeamChannel);
    expect(reply.body["response_type"]).toBe("ephemeral");
    expect(JSON.stringify(reply.body)).toContain("<@U0ANA> is now marked on hold");
    const member = await slack.command("ben", "status pain-tue U0ANA active");
    expect(JSON.stringify(member.body)).toContain("That is for the group's leads and care team");
    const unknown = await slack.command("okafor", "status pain-tue zed hospitalised");
    expect(JSON.stringify(unknown.body)).toContain('I couldn\'t find \\"zed\\" among the members');
    expect((await slack.store.readGroup("pain-tue")).memberStatus["slack:U0ANA"]).toHaveLength(1);
  });

  it('a member presses "I wasn\'t there" on their check-in, and the check-in becomes a kind word', async () => {
    slack = await SlackHarness.start({ now: at.session1Ends });
    await slack.sweepAt(at.checkin1Due);
    const checkin = slack.latestPostTo("ana", "Full check-in");
    await slack.press(checkin, isAction("not-there"));
    await slack.until(() => expect(slack.fake.callsOf("chat.update")).toHaveLength(1));
    expect(shownText(slack.fake.callsOf("chat.update")[0]!)).toContain("Thank you for letting us know. We missed you");
    expect((await slack.store.readGroup("pain-tue")).saidAbsent).toEqual({
      "slack:U0ANA|1": at.checkin1Due.replace("Z", ".000Z"),
    });
  });
});
