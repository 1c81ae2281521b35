import { afterEach, describe, expect, it } from "vitest";
import { answerKey, rsvpKey } from "../../../src/core/state.js";
import { at } from "../../support/outbox-helpers.js";
import { bySubscale } from "../../support/flows.js";
import { careTeamChannel, userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";
import { shownText } from "./slack-posts.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

const isAction = (action: string) => (value: { kind: string; action?: string }) =>
  value.kind === "button" && value.action === action;
const pulse = (n: number) => (value: { kind: string; value?: number }) => value.kind === "choice" && value.value === n;

/** A member answers the full check-in: opens the modal from their check-in and submits it. */
async function fullCheckin(name: string, values: number[]): Promise<void> {
  const checkin = slack.latestPostTo(name, "Full check-in");
  const opened = slack.fake.callsOf("views.open").length;
  await slack.press(checkin, isAction("open-form"));
  await slack.until(() => expect(slack.fake.callsOf("views.open").length).toBe(opened + 1));
  const modal = slack.fake.callsOf("views.open").at(-1);
  if (!modal) throw new Error("no modal");
  const response = await slack.submitForm(name, modal, values);
  expect(response.status).toBe(200);
}

describe("a group's cycle on Slack", () => {
  it("reminds, takes RSVPs and check-ins by button and modal, nudges, and summarises for a lead only", async () => {
    slack = await SlackHarness.start();
    const group = "pain-tue";

    await slack.sweepAt(at.reminder1Due);
    const reminder = slack.latestPostTo("ana", "I'll be there");
    expect(shownText(reminder)).toContain("Your Tuesday group meets tomorrow");
    expect(slack.fake.callsOf("chat.postMessage").filter((c) => shownText(c).includes("I'll be there"))).toHaveLength(
      8,
    );

    await slack.press(reminder, isAction("rsvp-yes"));
    await slack.until(() => expect(slack.fake.callsOf("chat.update")).toHaveLength(1));
    const rsvpUpdate = slack.fake.callsOf("chat.update")[0];
    expect(rsvpUpdate?.args).toMatchObject({ channel: `D${userId("ana")}`, ts: reminder.result["ts"] });
    expect(shownText(rsvpUpdate!)).toContain("Lovely, thank you");
    expect(shownText(rsvpUpdate!)).not.toContain("I'll be there");
    expect((await slack.store.readGroup(group)).rsvps[rsvpKey(`slack:${userId("ana")}`, 1)]?.response).toBe("yes");

    await slack.sweepAt(at.checkin1Due);
    const checkin = slack.latestPostTo("ana", "Full check-in");
    await slack.press(checkin, pulse(4));
    await slack.until(() => expect(slack.fake.callsOf("chat.update")).toHaveLength(2));
    const pulseUpdate = slack.fake.callsOf("chat.update")[1]!;
    expect(shownText(pulseUpdate)).toContain("Thank you, that's saved");
    expect(shownText(pulseUpdate)).toContain("Full check-in");
    expect(
      (await slack.store.readGroup(group)).answers[answerKey(`slack:${userId("ana")}`, 1, "pulse", "pulse-1")]?.value,
    ).toBe(4);

    const members: [string, number[]][] = [
      ["ana", bySubscale(4, 2, 1)],
      ["ben", bySubscale(4, 2, 1)],
      ["carla", bySubscale(4, 2, 0)],
      ["dev", bySubscale(5, 2, 0)],
      ["erin", bySubscale(5, 1, 0)],
    ];
    for (const [name, values] of members) await fullCheckin(name, values);
    const modal = slack.fake.callsOf("views.open")[0]!.args["view"] as {
      blocks: { type: string; element?: { type: string; options: unknown[] } }[];
    };
    const inputs = modal.blocks.filter((b) => b.type === "input");
    expect(inputs).toHaveLength(12);
    expect(inputs.every((b) => b.element?.type === "static_select" && b.element.options.length === 7)).toBe(true);
    await slack.until(() =>
      expect(
        slack.fake.callsOf("chat.update").filter((c) => shownText(c).includes("Thank you for taking the time")),
      ).toHaveLength(5),
    );
    const formUpdate = slack.fake
      .callsOf("chat.update")
      .find((c) => c.args["channel"] === `D${userId("ana")}` && shownText(c).includes("Thank you for taking the time"));
    expect(formUpdate?.args["ts"]).toBe(checkin.result["ts"]);

    await slack.sweepAt(at.nudge1Due);
    const nudged = slack.fake.callsOf("chat.postMessage").filter((c) => shownText(c).includes("If you have a moment"));
    expect(nudged.map((c) => c.args["channel"]).sort()).toEqual(["femi", "grace", "hugo"].map((n) => `D${userId(n)}`));

    await slack.sweepAt(at.window1Closes);
    expect(
      slack.fake
        .callsOf("chat.postMessage")
        .some((c) => c.args["channel"] === careTeamChannel && shownText(c).includes("Digest after session")),
    ).toBe(true);

    const lead = await slack.command("okafor", "summary pain-tue");
    expect(lead.status).toBe(200);
    expect(lead.body["response_type"]).toBe("ephemeral");
    expect(JSON.stringify(lead.body)).toContain("Engaged 4.4");

    const member = await slack.command("ana", "summary pain-tue");
    expect(member.body["response_type"]).toBe("ephemeral");
    expect(JSON.stringify(member.body)).toContain("for the group's leads and care team");
    expect(JSON.stringify(member.body)).not.toMatch(/\d\.\d/);
  });

  it("answers /cohesion help with every command, only to the person who asked", async () => {
    slack = await SlackHarness.start();
    const help = await slack.command("ana", "");
    expect(help.body["response_type"]).toBe("ephemeral");
    for (const usage of ["help", "summary <group>", "pause", "resume"])
      expect(JSON.stringify(help.body)).toContain(usage.replace("<", "&lt;").replace(">", "&gt;"));
  });
});
