import { describe, expect, it } from "vitest";
import type { Form } from "../../../src/kernel/message.js";
import { slackLimits } from "../../../src/platforms/slack/render/limits.js";
import { renderFormModal } from "../../../src/platforms/slack/render/form.js";
import { promptId } from "./block-kit-arbitraries.js";

describe("the form modal within Slack's limits", () => {
  const question = (i: number, options: number) => ({
    itemId: `q-${i}`,
    text: "How was it? ".repeat(300),
    options: Array.from({ length: options }, (_, v) => ({
      value: v,
      label: "A label far longer than Slack lets an option be shown ".repeat(3),
    })),
  });
  const form = (questions: number, options: number): Form => ({
    promptId,
    title: "A title much longer than twenty-four characters",
    intro: "Intro ".repeat(1000),
    questions: Array.from({ length: questions }, (_, i) => question(i, options)),
    submitLabel: "Send every one of my answers now please",
  });

  it("shortens titles, labels and options, and uses a menu of at most 100 options for long scales", () => {
    const view = renderFormModal(form(12, 150), { promptId, channel: "D0ANA", ts: "1764612000.000001" });
    if (!view) throw new Error("expected a modal");
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.submit?.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerView);
    const inputs = view.blocks.filter((b) => b.type === "input") as {
      label: { text: string };
      element: { type: string; options: { text: { text: string } }[] };
    }[];
    expect(
      inputs.every(
        (b) =>
          b.label.text.length <= slackLimits.inputLabel &&
          b.element.type === "static_select" &&
          b.element.options.length === 100,
      ),
    ).toBe(true);
    expect(inputs.every((b) => b.element.options.every((o) => o.text.text.length <= slackLimits.optionText))).toBe(
      true,
    );
    expect((view.private_metadata ?? "").length).toBeLessThanOrEqual(slackLimits.privateMetadata);
  });

  it("refuses a form with more questions than a modal can hold, rather than dropping some", () => {
    expect(renderFormModal(form(120, 7), { promptId })).toBeUndefined();
  });
});
