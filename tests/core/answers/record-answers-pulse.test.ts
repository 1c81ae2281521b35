import { describe, expect, it } from "vitest";
import { gcqAnswers, painTue, replyText, SlowStore } from "../../support/flows.js";
import { makeWorld } from "../../support/world.js";
import { exampleConfig } from "../../support/example-setup.js";
import { afterSession1, ana, anaPulse, answers, tap } from "./record-answers-helpers.js";

describe("a member taps the pulse", () => {
  it("gets a short thank-you, and the answer is stored under (member, session, instrument, item)", async () => {
    const { world, prompt } = await afterSession1();
    const reply = replyText(await world.interactions.handle(tap(ana, prompt, 4)));
    expect(reply).toMatch(/thank you/i);
    expect(reply.length).toBeLessThan(120);
    expect(await answers(world)).toEqual({ [anaPulse]: { value: 4, at: new Date(painTue.checkin1).toISOString() } });
    expect(anaPulse).toBe("console:ana|1|pulse|pulse-1");
  });

  it("is thanked only once the answer is durably stored", async () => {
    const store = new SlowStore();
    const { world, prompt } = await afterSession1(makeWorld({ store }));
    store.events.length = 0;
    store.delayMs = 20;
    const pending = world.interactions.handle(tap(ana, prompt, 3));
    expect(store.events).toEqual([]);
    const outcome = await pending;
    expect(store.events).toEqual(["stored pain-tue"]);
    expect(replyText(outcome)).toMatch(/thank you/i);
    expect((await answers(world))[anaPulse]?.value).toBe(3);
  });

  it("keeps the last answer while the check-in is open", async () => {
    const { world, prompt } = await afterSession1();
    await world.interactions.handle(tap(ana, prompt, 2));
    world.clock.advanceHours(5);
    await world.interactions.handle(tap(ana, prompt, 5));
    expect(await answers(world)).toEqual({
      [anaPulse]: { value: 5, at: new Date(Date.parse(painTue.checkin1) + 5 * 3_600_000).toISOString() },
    });
  });

  it("stores one answer when the same answer is sent twice", async () => {
    const { world, prompt } = await afterSession1();
    await world.interactions.handle(tap(ana, prompt, 4));
    const once = await answers(world);
    const reply = replyText(await world.interactions.handle(tap(ana, prompt, 4)));
    expect(reply).toMatch(/thank you/i);
    expect(await answers(world)).toEqual(once);
    expect(Object.keys(once)).toEqual([anaPulse]);
  });
});

describe("the answer window", () => {
  it("closes 72 hours after the session ends", async () => {
    const { world, prompt } = await afterSession1();
    world.clock.set(new Date(Date.parse(painTue.closes1) - 1000));
    expect(replyText(await world.interactions.handle(tap(ana, prompt, 2)))).toMatch(/thank you/i);
    world.clock.set(painTue.closes1);
    const reply = replyText(await world.interactions.handle(tap(ana, prompt, 5)));
    expect(reply).toBe("This check-in has closed, so I haven't saved that. Thank you all the same.");
    expect((await answers(world))[anaPulse]?.value).toBe(2);
    const form = replyText(
      await world.interactions.handle({ type: "button", from: ana, promptId: prompt, action: "open-form" }),
    );
    expect(form).toMatch(/has closed/);
  });

  it("closes when the next session starts, if that comes first", async () => {
    const config = exampleConfig((c) => ({
      ...c,
      organisation: { ...c.organisation, timing: { ...c.organisation.timing, answerWindowHours: 14 * 24 } },
    }));
    const { world, prompt } = await afterSession1(makeWorld({ config }));
    world.clock.set(new Date(Date.parse(painTue.start2) - 1000));
    expect(replyText(await world.interactions.handle(tap(ana, prompt, 3)))).toMatch(/thank you/i);
    world.clock.set(painTue.start2);
    expect(replyText(await world.interactions.handle(tap(ana, prompt, 1)))).toMatch(/has closed/);
    const form = { type: "form", from: ana, promptId: prompt, answers: gcqAnswers(Array(12).fill(3)) };
    expect(replyText(await world.interactions.handle(form))).toMatch(/has closed/);
    expect(await answers(world)).toEqual({
      [anaPulse]: { value: 3, at: new Date(Date.parse(painTue.start2) - 1000).toISOString() },
    });
  });
});
