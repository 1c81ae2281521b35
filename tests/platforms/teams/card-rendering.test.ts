import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toAddress } from "../../../src/kernel/address.js";
import type { Block, Form, Message } from "../../../src/kernel/message.js";
import { cardByteLimit, renderForm, renderMessage } from "../../../src/platforms/teams/render/message.js";
import { fileNote } from "../../../src/platforms/teams/deliver/messenger.js";
import { actionsOf, cardProblems, cardText, inputsOf } from "./cards.js";

const context = {
  names: new Map([["teams:6f1c2a10-0000-4000-8000-000000000001", "Ana *Silva*"]]),
  fileNote: fileNote(true),
};
const promptId = "a1b2c3d4.0123456789abcdef";
const render = (blocks: Block[], text = "fallback") => renderMessage({ text, blocks }, context).card;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe("neutral messages as Adaptive Cards", () => {
  it("renders *bold* and `code` as styled runs and keeps everything else literally", () => {
    const card = render([
      {
        type: "text",
        text: "Hello *there* [click](https://evil.example) <at>Everyone</at> `summary x` # not a heading",
      },
    ]);
    const runs = (card.body as { inlines: { text: string; weight?: string; fontType?: string }[] }[])[0]?.inlines;
    expect(runs).toEqual([
      { type: "TextRun", text: "Hello " },
      { type: "TextRun", text: "there", weight: "Bolder" },
      { type: "TextRun", text: " [click](https://evil.example) <at>Everyone</at> " },
      { type: "TextRun", text: "summary x", fontType: "Monospace" },
      { type: "TextRun", text: " # not a heading" },
    ]);
    expect(cardProblems(card)).toEqual([]);
  });

  it("mentions a Teams member natively for the leads, by their Entra id, with a name that cannot carry markdown", () => {
    const card = render([
      {
        type: "mention",
        address: toAddress("teams:6f1c2a10-0000-4000-8000-000000000001"),
        text: "hasn't opened Cohesion yet.",
      },
    ]);
    expect((card.msteams as { entities: unknown[] }).entities).toEqual([
      {
        type: "mention",
        text: "<at>Ana \\*Silva\\*</at>",
        mentioned: { id: "6f1c2a10-0000-4000-8000-000000000001", name: "Ana *Silva*" },
      },
    ]);
    expect(cardText(card)).toContain("hasn't opened Cohesion yet.");
    expect(cardText(render([{ type: "mention", address: toAddress("slack:U123"), text: "missed it" }]))).toContain(
      "U123",
    );
  });

  it("turns a choice into radio buttons with a Send that falls back to Action.Submit", () => {
    const card = render([
      {
        type: "choice",
        promptId,
        itemId: "pulse-1",
        question: "How was it?",
        options: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })),
      },
    ]);
    expect(inputsOf(card)).toEqual([
      {
        id: "answer.pulse-1",
        label: "How was it?",
        choices: [1, 2, 3, 4, 5].map((v) => ({ title: `L${v}`, value: String(v) })),
      },
    ]);
    const [send] = actionsOf(card);
    expect(send?.data).toEqual({ cohesion: "choice", promptId, itemId: "pulse-1" });
    expect(send?.fallback).toMatchObject({ type: "Action.Submit", data: send?.data });
    expect(cardProblems(card)).toEqual([]);
  });

  it("carries any button action through as it is", () => {
    const card = render([
      { type: "buttons", buttons: [{ promptId, action: "acknowledge" as never, label: "Acknowledge" }] },
    ]);
    expect(actionsOf(card)[0]?.data).toEqual({ cohesion: "button", promptId, action: "acknowledge" });
  });

  it("shows a small chart inline and a large one as its alt text", () => {
    const small = render([{ type: "image", png: new Uint8Array(2_000), alt: "Engaged rising" }]);
    expect(JSON.stringify(small)).toContain("data:image/png;base64,");
    const large = render([{ type: "image", png: new Uint8Array(60_000), alt: "Engaged rising" }]);
    expect(JSON.stringify(large)).not.toContain("data:image");
    expect(cardText(large)).toContain("Engaged rising");
  });

  it("says where a file went: below for a personal chat, a personal chat for a channel", () => {
    const file: Block = {
      type: "file",
      filename: "pain-tue.csv",
      mediaType: "text/csv",
      data: new Uint8Array(10),
      title: "Export of pain-tue",
    };
    expect(cardText(render([file]))).toContain("choose Allow");
    expect(
      cardText(renderMessage({ text: "", blocks: [file] }, { ...context, fileNote: fileNote(false) }).card),
    ).toContain("ask me there");
  });

  it("puts the whole GCQ-S on one valid card: 12 sets of radio buttons and one Send", () => {
    const form: Form = {
      promptId,
      title: "Full check-in",
      intro: "Thinking about today's session...",
      questions: Array.from({ length: 12 }, (_, i) => ({
        itemId: `gcq-${i + 1}`,
        text: `Item ${i + 1}`,
        options: [0, 1, 2, 3, 4, 5, 6].map((value) => ({ value, label: `V${value}` })),
      })),
      submitLabel: "Send my answers",
    };
    const { card } = renderForm(form);
    expect(inputsOf(card)).toHaveLength(12);
    expect(actionsOf(card).map((a) => a.title)).toEqual(["Send my answers"]);
    expect(cardProblems(card)).toEqual([]);
    expect(bytes(card)).toBeLessThan(cardByteLimit);
  });

  it("stays valid and under Teams' size limit with any text, however long or strange", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 20_000, size: "large" });
    const block: fc.Arbitrary<Block> = fc.oneof(
      text.map((t) => ({ type: "text", text: t }) as Block),
      text.map((t) => ({ type: "context", text: t }) as Block),
      fc.constant({ type: "divider" } as Block),
      fc.tuple(text, text).map(([label, value]) => ({ type: "fields", fields: [{ label, value }] }) as Block),
      fc
        .tuple(text, text)
        .map(
          ([question, label]) =>
            ({ type: "choice", promptId, itemId: "pulse-1", question, options: [{ value: 1, label }] }) as Block,
        ),
      text.map((label) => ({ type: "buttons", buttons: [{ promptId, action: "rsvp-yes", label }] }) as Block),
      text.map((alt) => ({ type: "image", png: new Uint8Array(15_000), alt }) as Block),
      text.map(
        (t) =>
          ({ type: "mention", address: toAddress("teams:6f1c2a10-0000-4000-8000-000000000001"), text: t }) as Block,
      ),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 40 }), text, (generated, fallback) => {
        // A message asks each item once, so each choice gets its own item id.
        const blocks = generated.map((b, i) => (b.type === "choice" ? { ...b, itemId: `item-${i}` } : b));
        const message: Message = { text: fallback, blocks };
        const { card, summary } = renderMessage(message, context);
        expect(bytes(card)).toBeLessThanOrEqual(cardByteLimit);
        expect(summary.length).toBeLessThanOrEqual(200);
        expect(cardProblems(card)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("keeps the buttons of a very long message, cutting its text instead", () => {
    const card = render([
      { type: "text", text: "word ".repeat(20_000) },
      { type: "buttons", buttons: [{ promptId, action: "rsvp-yes", label: "I'll be there" }] },
    ]);
    expect(bytes(card)).toBeLessThanOrEqual(cardByteLimit);
    expect(actionsOf(card).map((a) => a.title)).toEqual(["I'll be there"]);
    expect(cardText(card)).toContain("…");
  });
});
