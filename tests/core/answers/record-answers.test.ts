import { describe, expect, it } from "vitest";
import { groupTag } from "../../../src/core/answers/index.js";
import { answerKey } from "../../../src/core/state.js";
import {
  checkinPromptId,
  formOf,
  gcqAnswers,
  painTue,
  replyText,
  rsvpPromptId,
  SlowStore,
  sweepAt,
} from "../../support/flows.js";
import { exampleConfig, makeWorld, type World } from "../../support/world.js";

const ana = "console:ana";
const ben = "console:ben";
const anaPulse = answerKey(ana, 1, "pulse", "pulse-1");

/** A world just after session 1's check-in went out; returns ana's check-in prompt id too. */
async function afterSession1(world: World = makeWorld()): Promise<{ world: World; prompt: string }> {
  await sweepAt(world, painTue.checkin1);
  return { world, prompt: checkinPromptId(world, ana) };
}

async function answers(world: World): Promise<Record<string, { value: number; at: string }>> {
  return { ...(await world.store.readGroup("pain-tue")).answers };
}

function tap(from: string, promptId: string, value: unknown, itemId = "pulse-1") {
  return { type: "choice", from, promptId, itemId, value };
}

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

describe("the full check-in form", () => {
  it("opens with the 12 GCQ-S questions on 0-6", async () => {
    const { world, prompt } = await afterSession1();
    const form = formOf(
      await world.interactions.handle({ type: "button", from: ana, promptId: prompt, action: "open-form" }),
    );
    expect(form.promptId).toBe(prompt);
    expect(form.questions.map((q) => q.itemId)).toEqual(Array.from({ length: 12 }, (_, i) => `gcq-${i + 1}`));
    for (const question of form.questions) expect(question.options.map((o) => o.value)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("is not opened for someone it wasn't sent to", async () => {
    const { world, prompt } = await afterSession1();
    expect(
      replyText(await world.interactions.handle({ type: "button", from: ben, promptId: prompt, action: "open-form" })),
    ).toMatch(/sent to someone else/);
  });

  it("stores all 12 answers when submitted in full", async () => {
    const { world, prompt } = await afterSession1();
    const values = [5, 4, 2, 6, 3, 1, 0, 3, 2, 0, 4, 1];
    const reply = replyText(
      await world.interactions.handle({ type: "form", from: ana, promptId: prompt, answers: gcqAnswers(values) }),
    );
    expect(reply).toMatch(/go only to your group leaders/);
    const stored = await answers(world);
    expect(Object.keys(stored)).toHaveLength(12);
    values.forEach((value, i) => expect(stored[answerKey(ana, 1, "gcq-s", `gcq-${i + 1}`)]?.value).toBe(value));
  });

  it("stores only the answered items when some are skipped", async () => {
    const { world, prompt } = await afterSession1();
    const values = [5, null, 2, 6, null, 1, 0, null, 2, 0, 4, 1];
    await world.interactions.handle({ type: "form", from: ana, promptId: prompt, answers: gcqAnswers(values) });
    const stored = await answers(world);
    expect(Object.keys(stored).sort()).toEqual(
      [1, 3, 4, 6, 7, 9, 10, 11, 12].map((n) => answerKey(ana, 1, "gcq-s", `gcq-${n}`)).sort(),
    );
  });
});

describe("RSVPs", () => {
  it("records yes or no, lets a member change their mind until the session starts, then refuses", async () => {
    const world = makeWorld();
    await sweepAt(world, painTue.reminder1);
    const prompt = rsvpPromptId(world, ana);
    const rsvp = async () => (await world.store.readGroup("pain-tue")).rsvps["console:ana|1"]?.response;

    expect(
      replyText(await world.interactions.handle({ type: "button", from: ana, promptId: prompt, action: "rsvp-yes" })),
    ).toMatch(/See you there/);
    expect(await rsvp()).toBe("yes");

    world.clock.set(new Date(Date.parse(painTue.start1) - 1000));
    expect(
      replyText(await world.interactions.handle({ type: "button", from: ana, promptId: prompt, action: "rsvp-no" })),
    ).toMatch(/take care/);
    expect(await rsvp()).toBe("no");

    world.clock.set(painTue.start1);
    const late = replyText(
      await world.interactions.handle({ type: "button", from: ana, promptId: prompt, action: "rsvp-yes" }),
    );
    expect(late).toMatch(/already started/);
    expect(await rsvp()).toBe("no");
  });

  it("refuses an RSVP for someone else", async () => {
    const world = makeWorld();
    await sweepAt(world, painTue.reminder1);
    const reply = replyText(
      await world.interactions.handle({
        type: "button",
        from: ben,
        promptId: rsvpPromptId(world, ana),
        action: "rsvp-no",
      }),
    );
    expect(reply).toMatch(/sent to someone else/);
    expect((await world.store.readGroup("pain-tue")).rsvps).toEqual({});
  });
});
