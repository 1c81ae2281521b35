import { afterEach, describe, expect, it } from "vitest";
import { at } from "../../support/outbox-helpers.js";
import { userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const isAction = (action: string) => (value: { kind: string; action?: string }) =>
  value.kind === "button" && value.action === action;
const hardGoing = (value: { kind: string; value?: number }) => value.kind === "choice" && value.value === 1;
const member = (name: string) => `slack:${userId(name)}`;

describe("a member's buttons on Slack", () => {
  it('offers contact after "Hard going", keeps the full check-in, and a yes reaches both leads as a message', async () => {
    slack = await SlackHarness.start();
    await slack.sweepAt(at.checkin1Due);
    await slack.press(slack.latestPostTo("ana", "Full check-in"), hardGoing);
    await slack.until(() => expect(slack.fake.callsOf("chat.update")).toHaveLength(1));
    const offer = slack.fake.callsOf("chat.update")[0]!;
    expect(shownText(offer)).toContain("Would you like one of your leads to get in touch?");
    expect(shownText(offer)).toContain("Full check-in");
    expect(shownText(offer)).not.toContain("If you need help now");

    await slack.press(offer, isAction("contact-yes"));
    await slack.until(() => expect(slack.fake.callsOf("chat.update")).toHaveLength(2));
    const thanks = slack.fake.callsOf("chat.update")[1]!;
    expect(shownText(thanks)).toContain("I've asked your leads to get in touch with you.");
    expect(shownText(thanks)).toContain("Full check-in");
    for (const lead of ["okafor", "sam"])
      await slack.until(() =>
        expect(shownText(slack.latestPostTo(lead, "would like one of you to get in touch"))).toContain(
          `<@${userId("ana")}>`,
        ),
      );
    expect((await slack.store.readGroup("pain-tue")).alerts).toEqual({});
  });

  it("welcomes without the place in the notification, and stores who has read the orientation", async () => {
    slack = await SlackHarness.start();
    await slack.sweepAt(at.orientationDue);
    const welcome = slack.latestPostTo("ana", "Welcome to your Tuesday group");
    expect(welcome.args["text"]).toBe("Welcome to your Tuesday group. A few things to know before you start.");
    expect(shownText(welcome)).toContain("Room 2.14");

    await slack.sweepAt(at.reminder1Due);
    await slack.press(slack.latestPostTo("ana", "Your part"), isAction("orientation-read"));
    await slack.until(() =>
      expect(shownText(slack.fake.callsOf("chat.postEphemeral").at(-1)!)).toContain("Thank you for reading it."),
    );
    expect(Object.keys((await slack.store.readGroup("pain-tue")).orientationRead)).toEqual([member("ana")]);
  });
});
