import { describe, expect, it } from "vitest";
import { groupTag } from "../../../src/core/answers/index.js";
import { checkinPromptId, gcqAnswers, painTue, replyText, rsvpPromptId, sweepAt } from "../../support/flows.js";
import { makeWorld } from "../../support/world.js";
import { afterSession1, ana, answers, ben, tap } from "./record-answers-helpers.js";

describe("answers that are refused, kindly, changing nothing", () => {
  it("refuses someone answering a question sent to someone else", async () => {
    const { world, prompt } = await afterSession1();
    const reply = replyText(await world.interactions.handle(tap(ben, prompt, 4)));
    expect(reply).toMatch(/sent to someone else/);
    expect(reply).toMatch(/haven't saved/);
    expect(await answers(world)).toEqual({});
  });

  it("refuses a prompt id it never issued, in a known group or an unknown one", async () => {
    const { world } = await afterSession1();
    for (const promptId of [`${groupTag("pain-tue")}.0123456789abcdef`, "zzzzzzzz.0123456789abcdef"]) {
      const reply = replyText(await world.interactions.handle(tap(ana, promptId, 4)));
      expect(reply).toMatch(/can't find that question/);
      expect(reply).toMatch(/Nothing was saved/);
    }
    expect(await answers(world)).toEqual({});
  });

  it("refuses values off the scale: 9 or 0 for the pulse, 7 or -1 for a GCQ-S item", async () => {
    const { world, prompt } = await afterSession1();
    expect(replyText(await world.interactions.handle(tap(ana, prompt, 9)))).toBe(
      "Please choose a number from 1 to 5. Nothing was saved.",
    );
    expect(replyText(await world.interactions.handle(tap(ana, prompt, 0)))).toMatch(/from 1 to 5/);
    expect(replyText(await world.interactions.handle(tap(ana, prompt, 7, "gcq-3")))).toBe(
      "Please choose a number from 0 to 6. Nothing was saved.",
    );
    expect(replyText(await world.interactions.handle(tap(ana, prompt, -1, "gcq-3")))).toMatch(/from 0 to 6/);
    expect(await answers(world)).toEqual({});
  });

  it("saves none of a form when one of its answers is off the scale", async () => {
    const { world, prompt } = await afterSession1();
    const values = [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 7];
    const reply = replyText(
      await world.interactions.handle({ type: "form", from: ana, promptId: prompt, answers: gcqAnswers(values) }),
    );
    expect(reply).toMatch(/from 0 to 6\. Nothing was saved/);
    expect(await answers(world)).toEqual({});
  });

  it("refuses a question it doesn't know", async () => {
    const { world, prompt } = await afterSession1();
    expect(replyText(await world.interactions.handle(tap(ana, prompt, 3, "gcq-13")))).toMatch(
      /didn't recognise that question/,
    );
    expect(await answers(world)).toEqual({});
  });

  it("answers malformed events kindly, without throwing or changing anything", async () => {
    const { world, prompt } = await afterSession1();
    const before = structuredClone(await world.store.readGroup("pain-tue"));
    const malformed: unknown[] = [
      undefined,
      null,
      42,
      "pulse 4",
      {},
      { type: "choice", from: ana, promptId: prompt, itemId: "pulse-1" },
      { type: "choice", from: ana, itemId: "pulse-1", value: 4 },
      tap("ana", prompt, 4),
      tap("email:ana@example.org", prompt, 4),
      tap(ana, prompt, "4"),
      tap(ana, prompt, 4.5),
      tap(ana, "not a prompt", 4),
      { type: "form", from: ana, promptId: prompt, answers: { "gcq-1": "4" } },
      { type: "button", from: ana, promptId: prompt, action: "delete-everything" },
      { type: "teleport", from: ana },
    ];
    for (const raw of malformed) {
      const reply = replyText(await world.interactions.handle(raw));
      expect(reply).toBe("Sorry, I couldn't read that, so nothing was saved. Please try again.");
    }
    expect(await world.store.readGroup("pain-tue")).toEqual(before);
    // What was logged names no one.
    expect(JSON.stringify(world.logger.lines)).not.toMatch(/ana/);
  });

  it("refuses an answer on an RSVP button's prompt, and an RSVP on a check-in's", async () => {
    const world = makeWorld();
    await sweepAt(world, painTue.reminder1);
    const rsvp = rsvpPromptId(world, ana);
    expect(replyText(await world.interactions.handle(tap(ana, rsvp, 4)))).toMatch(/doesn't take an answer/);
    expect(
      replyText(await world.interactions.handle({ type: "button", from: ana, promptId: rsvp, action: "open-form" })),
    ).toMatch(/doesn't open a check-in/);
    await sweepAt(world, painTue.checkin1);
    const checkin = checkinPromptId(world, ana);
    expect(
      replyText(await world.interactions.handle({ type: "button", from: ana, promptId: checkin, action: "rsvp-yes" })),
    ).toMatch(/doesn't take an RSVP/);
    const state = await world.store.readGroup("pain-tue");
    expect(state.answers).toEqual({});
    expect(state.rsvps).toEqual({});
  });
});
