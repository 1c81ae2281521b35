import { describe, expect, it } from "vitest";
import { answerKey } from "../../../src/core/state.js";
import { formOf, gcqAnswers, replyText } from "../../support/flows.js";
import { afterSession1, ana, answers, ben } from "./record-answers-helpers.js";

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
