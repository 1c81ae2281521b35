// Random messages for the Block Kit limit tests: any text, however long or hostile, in any block.
import fc from "fast-check";
import { toAddress } from "../../../src/kernel/address.js";
import { buttonActions, type Block, type Message } from "../../../src/kernel/message.js";

export const promptId = "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2.a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2";
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

export const message: fc.Arbitrary<Message> = fc.record({
  text,
  blocks: fc.array(block, { maxLength: 120, size: "large" }),
});
