import { describe, expect, it } from "vitest";
import { answerKey } from "../../src/core/state.js";
import { replyText } from "../support/flows.js";
import {
  allText,
  buttonsOf,
  careTeam,
  groupId,
  leads,
  marks,
  sentContaining,
  sweepAt,
} from "../support/outbox-helpers.js";
import { afterSessionOne, ana, answerOffer, ben, checkinOf, hardGoing, replyOf } from "./contact-helpers.js";

const onCall = "console:patel";

describe('a member rates the session "Hard going"', () => {
  it("is thanked and asked whether they would like a lead to get in touch, with no crisis lines", async () => {
    const world = await afterSessionOne();
    const outcome = await hardGoing(world);
    const reply = replyOf(outcome);
    expect(reply.text).toBe("Thank you, that's saved. Would you like one of your leads to get in touch?");
    expect(buttonsOf(reply).map((b) => [b.label, b.action])).toEqual([
      ["Yes, please", "contact-yes"],
      ["No, thanks", "contact-no"],
    ]);
    expect(outcome).toMatchObject({ replacesPrompt: true });
    expect(allText(reply)).not.toContain("If you need help now");
  });

  it("raises no alert and tells nobody yet, and the answer still counts in the session's climate", async () => {
    const world = await afterSessionOne();
    await hardGoing(world);
    const state = await world.store.readGroup(groupId);
    expect(state.alerts).toEqual({});
    expect(state.answers[answerKey(ana, 1, "pulse", "pulse-1")]?.value).toBe(1);
    expect(world.messenger.sent).toEqual([]);
  });

  it("gets the plain thank-you for any other answer", async () => {
    const world = await afterSessionOne();
    const promptId = await checkinOf(world, ana);
    const outcome = await world.interactions.handle({
      type: "choice",
      from: ana,
      promptId,
      itemId: "pulse-1",
      value: 2,
    });
    expect(replyText(outcome)).toBe("Thank you, that's saved. Take good care until next time.");
  });
});

describe("the offer of contact", () => {
  it("yes: the member is told kindly, and each lead gets a routine private message naming them and the session", async () => {
    const world = await afterSessionOne();
    const outcome = await answerOffer(world, "contact-yes");
    expect(replyText(outcome)).toBe(
      "Thank you. I've asked your leads to get in touch with you. They read messages during working hours.",
    );
    expect(outcome).toMatchObject({ replacesPrompt: true });
    const told = sentContaining(world, marks["contact-request"]);
    expect(told.map((s) => s.to).sort()).toEqual([...leads].sort());
    const message = told[0]!.message;
    expect(message.text).toBe(
      "A member of Chronic pain skills, Tuesday evening would like one of you to get in touch.",
    );
    expect(message.blocks).toContainEqual({
      type: "mention",
      address: ana,
      text: "said yes, after their check-in for session 1 (Tuesday 1 December, Relaxation I: breathing and muscle relaxation), when asked if they would like one of their leads to get in touch.",
    });
    expect(allText(message)).toContain("Routine, not an urgent alert");
  });

  it("yes is nothing urgent: no alert, nothing for the care team or the clinician on call, however long it waits", async () => {
    const world = await afterSessionOne();
    await answerOffer(world, "contact-yes");
    await sweepAt(world, "2026-12-02T19:40:00Z");
    expect((await world.store.readGroup(groupId)).alerts).toEqual({});
    expect(world.messenger.textsTo(careTeam)).toEqual([]);
    expect(world.messenger.textsTo(onCall)).toEqual([]);
    expect(JSON.stringify(world.logger.lines)).not.toMatch(/console:ana|Hard going/);
  });

  it("yes twice still tells the leads once", async () => {
    const world = await afterSessionOne();
    await answerOffer(world, "contact-yes");
    await answerOffer(world, "contact-yes");
    expect(sentContaining(world, marks["contact-request"])).toHaveLength(leads.length);
    expect(Object.keys((await world.store.readGroup(groupId)).contactRequests)).toHaveLength(1);
  });

  it("no thanks: a kind reply, and nothing reaches the leads", async () => {
    const world = await afterSessionOne();
    const outcome = await answerOffer(world, "contact-no");
    expect(replyText(outcome)).toBe(
      "That's fine. Thank you for letting us know how it was. Take good care until next time.",
    );
    await sweepAt(world, "2026-12-01T20:00:00Z");
    expect(sentContaining(world, marks["contact-request"])).toEqual([]);
    expect((await world.store.readGroup(groupId)).contactRequests).toEqual({});
  });

  it("cannot be accepted for someone else", async () => {
    const world = await afterSessionOne();
    const button = buttonsOf(replyOf(await hardGoing(world))).find((b) => b.action === "contact-yes")!;
    const outcome = await world.interactions.handle({
      type: "button",
      from: ben,
      promptId: button.promptId,
      action: "contact-yes",
    });
    expect(replyText(outcome)).toContain("This question was sent to someone else");
    expect(sentContaining(world, marks["contact-request"])).toEqual([]);
  });
});

describe("a clinic's distress rule on another item", () => {
  // The check-in takes GCQ-S items today; a clinic's own instrument (a distress thermometer) works the same way.
  const rules = [
    { item: "pulse-1", atOrBelow: 1 },
    { item: "gcq-12", atOrAbove: 6 },
  ];

  it("still alerts both leads at once and shows the member where to get help now", async () => {
    const world = await afterSessionOne(rules);
    const promptId = await checkinOf(world, ana);
    const outcome = await world.interactions.handle({ type: "form", from: ana, promptId, answers: { "gcq-12": 6 } });
    expect(replyText(outcome)).toContain("It sounds like things are hard right now.");
    expect(replyText(outcome)).toContain("If you need help now:");
    expect(
      sentContaining(world, "A member gave a distress answer")
        .map((s) => s.to)
        .sort(),
    ).toEqual([...leads].sort());
    expect(Object.values((await world.store.readGroup(groupId)).alerts).map((a) => a.kind)).toEqual(["distress"]);
  });

  it("leaves the pulse as an offer even when a pulse rule is configured", async () => {
    const world = await afterSessionOne(rules);
    expect(replyText(await hardGoing(world))).toContain("Would you like one of your leads to get in touch?");
    expect((await world.store.readGroup(groupId)).alerts).toEqual({});
  });
});
