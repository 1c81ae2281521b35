import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toAddress } from "../../../src/kernel/address.js";
import { buttonActions, type Block, type Form, type Message } from "../../../src/kernel/message.js";
import { slackLimits } from "../../../src/platforms/slack/render/limits.js";
import { renderFormModal } from "../../../src/platforms/slack/render/form.js";
import { renderMessage, renderSingle, type SlackBlock } from "../../../src/platforms/slack/render/message.js";

const promptId = "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2.a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2";
const shortText = fc.string({ unit: "binary", maxLength: 40 });
// Long texts are a short random piece repeated: as extreme for the renderer, and fast to generate.
const longText = fc
  .tuple(fc.string({ unit: "binary", minLength: 1, maxLength: 20 }), fc.integer({ min: 150, max: 9000 }))
  .map(([piece, times]) => piece.repeat(times).slice(0, 9000));
const anyText = fc.oneof(shortText, longText);
const nastyText = fc.constantFrom(
  "<!channel>",
  "@here",
  "<@U123>",
  "<https://evil.example|click me>",
  "&amp; & < >",
  "*bold* `code`",
  "\n\n\n",
  "😀".repeat(1600),
);
const text = fc.oneof(
  anyText,
  nastyText,
  fc.array(nastyText, { maxLength: 12 }).map((parts) => parts.join(" ")),
);

const block: fc.Arbitrary<Block> = fc.oneof(
  text.map((t) => ({ type: "text" as const, text: t })),
  text.map((t) => ({ type: "context" as const, text: t })),
  fc.constant({ type: "divider" as const }),
  fc
    .array(fc.record({ label: text, value: text }), { maxLength: 30, size: "large" })
    .map((fields) => ({ type: "fields" as const, fields })),
  fc
    .record({
      address: fc.constantFrom("slack:U0ANA", "slack:C0CARE", "console:a-very-long-name-indeed", "teams:29:abc"),
      text,
    })
    .map((m) => ({ type: "mention" as const, address: toAddress(m.address), text: m.text })),
  fc
    .record({
      question: text,
      options: fc.array(fc.record({ value: fc.integer({ min: -99, max: 999 }), label: text }), {
        minLength: 1,
        maxLength: 150,
        size: "large",
      }),
    })
    .map((c) => ({ type: "choice" as const, promptId, itemId: "gcq-12", question: c.question, options: c.options })),
  fc
    .array(fc.record({ label: text, action: fc.constantFrom(...buttonActions), primary: fc.boolean() }), {
      minLength: 1,
      maxLength: 60,
      size: "large",
    })
    .map((buttons) => ({ type: "buttons" as const, buttons: buttons.map((b) => ({ ...b, promptId })) })),
);

const message: fc.Arbitrary<Message> = fc.record({ text, blocks: fc.array(block, { maxLength: 120, size: "large" }) });

/** Every mrkdwn or plain text object in a list of blocks, with what it belongs to. */
function texts(blocks: readonly SlackBlock[]): { kind: string; type: string; text: string }[] {
  const found: { kind: string; type: string; text: string }[] = [];
  const visit = (node: unknown, kind: string) => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, kind));
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if ((record["type"] === "mrkdwn" || record["type"] === "plain_text") && typeof record["text"] === "string")
      found.push({ kind, type: String(record["type"]), text: record["text"] });
    for (const [key, value] of Object.entries(record))
      visit(
        value,
        key === "fields"
          ? "field"
          : key === "options"
            ? "option"
            : key === "elements" && record["type"] === "context"
              ? "context"
              : ((record["type"] as string) ?? kind),
      );
  };
  visit(blocks, "block");
  return found;
}

function interactive(blocks: readonly SlackBlock[]): Record<string, unknown>[] {
  return blocks.flatMap((b) =>
    ((b as { elements?: Record<string, unknown>[] }).elements ?? []).filter((e) => "action_id" in e),
  );
}

/** Every way `blocks` break Slack's limits or let text through unescaped (empty when none). */
function violations(blocks: readonly SlackBlock[], maxBlocks: number): string[] {
  const found: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) found.push(what);
  };
  check(blocks.length <= maxBlocks, `${blocks.length} blocks`);
  for (const t of texts(blocks)) {
    const max =
      t.kind === "field"
        ? slackLimits.fieldText
        : t.kind === "button" || t.kind === "option" || t.kind === "static_select"
          ? slackLimits.buttonLabel
          : slackLimits.sectionText;
    check(t.text.length <= max, `${t.kind} text of ${t.text.length}`);
    if (t.type === "mrkdwn")
      check(!/[<>]|&(?!amp;|lt;|gt;)/.test(t.text.replace(/<[@#][UWCG][A-Z0-9]+>/g, "")), `unescaped ${t.kind} text`);
  }
  for (const b of blocks) {
    check(((b as { fields?: unknown[] }).fields ?? []).length <= slackLimits.fieldsPerSection, "too many fields");
    check(
      ((b as { elements?: unknown[] }).elements ?? []).length <= slackLimits.elementsPerActions,
      "too many elements",
    );
  }
  const elements = interactive(blocks);
  const ids = elements.map((e) => String(e["action_id"]));
  check(new Set(ids).size === ids.length, "repeated action_id");
  for (const element of elements) {
    check(String(element["action_id"]).length <= slackLimits.id, "long action_id");
    check(typeof element["value"] !== "string" || element["value"].length <= slackLimits.buttonValue, "long value");
    const options = (element["options"] ?? []) as { value: string }[];
    check(options.length <= slackLimits.optionsPerSelect, "too many options");
    check(
      options.every((option) => option.value.length <= slackLimits.optionValue),
      "long option value",
    );
  }
  return found;
}

describe("Block Kit rendering within Slack's limits", () => {
  it("any message, however extreme, becomes posts of at most 50 blocks that respect every limit and escape all text", () => {
    fc.assert(
      fc.property(message, (m) => {
        const rendered = renderMessage(m);
        expect(rendered.text.length).toBeLessThanOrEqual(slackLimits.fallbackText);
        const broken = [
          ...rendered.posts.flatMap((post) => violations(post, slackLimits.blocksPerMessage)),
          ...violations(renderSingle(m).blocks, slackLimits.blocksPerMessage),
        ];
        expect(broken).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("splits a long text into sections instead of losing any of it", () => {
    const long = Array.from({ length: 400 }, (_, i) => `Line ${i}: ${"word ".repeat(20)}`).join("\n");
    const rendered = renderMessage({ text: "long", blocks: [{ type: "text", text: long }] });
    const shown = rendered.posts
      .flat()
      .map((b) => (b as { text?: { text: string } }).text?.text ?? "")
      .join("\n");
    expect(shown.replace(/\n/g, "")).toBe(long.replace(/\n/g, ""));
  });

  it("a digest about many members (200 mentions) goes out as several posts in order", () => {
    const blocks: Block[] = Array.from({ length: 200 }, (_, i) => ({
      type: "mention",
      address: toAddress(`slack:U${String(i).padStart(6, "0")}`),
      text: "missed two sessions",
    }));
    const rendered = renderMessage({ text: "many", blocks });
    expect(rendered.posts.map((p) => p.length)).toEqual([50, 50, 50, 50]);
    expect(JSON.stringify(rendered.posts[3]?.at(-1))).toContain("<@U000199>");
  });

  it("text anyone typed can neither mention @channel or a person nor render a link", () => {
    const rendered = renderSingle({
      text: "<!channel>",
      blocks: [{ type: "text", text: "<!channel> <@U999> <https://evil.example|click here> @here" }],
    });
    const section = JSON.stringify(rendered.blocks);
    expect(section).toContain("&lt;!channel&gt; &lt;@U999&gt; &lt;https://evil.example|click here&gt;");
    expect(section).toContain('"verbatim":true');
    expect(rendered.text).toBe("&lt;!channel&gt;");
  });

  it("a reply too long for one message says it was shortened", () => {
    const blocks: Block[] = Array.from({ length: 80 }, (_, i) => ({ type: "text", text: `Session ${i}` }));
    const rendered = renderSingle({ text: "t", blocks });
    expect(rendered.blocks).toHaveLength(50);
    expect(JSON.stringify(rendered.blocks.at(-1))).toContain("too long to show in full");
  });

  it("a chart or an export is uploaded beside the message, never drawn into the blocks", () => {
    const rendered = renderMessage({
      text: "digest",
      blocks: [
        { type: "text", text: "Digest" },
        { type: "image", png: new Uint8Array([137, 80, 78, 71]), alt: "Engaged rose from 3.9 to 4.4" },
        {
          type: "file",
          filename: "pain-tue.csv",
          mediaType: "text/csv",
          data: new Uint8Array([65]),
          title: "Session aggregates",
        },
      ],
    });
    expect(rendered.posts.flat()).toHaveLength(1);
    expect(rendered.uploads.map((u) => u.filename)).toEqual(["chart.png", "pain-tue.csv"]);
    expect(rendered.uploads[0]?.alt).toBe("Engaged rose from 3.9 to 4.4");
  });
});

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
