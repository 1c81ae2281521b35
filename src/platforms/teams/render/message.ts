import type { Form, Message } from "../../../kernel/message.js";
import { blockElements, choiceInput, type Fit, type MentionEntity, type RenderContext } from "./blocks.js";
import { cardAction } from "../inbound/card-actions.js";
import { plainText, richText, shorten, type CardElement } from "./text.js";

/** The largest card Cohesion sends, in bytes of JSON: Teams refuses messages over about 28 KB in all. */
export const cardByteLimit = 26_000;

/** An Adaptive Card attachment with the text Teams shows in notifications. */
export interface RenderedCard {
  readonly card: Record<string, unknown>;
  readonly summary: string;
}

const fits: readonly Fit[] = [
  { textMax: Infinity, images: true },
  { textMax: Infinity, images: false },
  { textMax: 3000, images: false },
  { textMax: 1000, images: false },
  { textMax: 300, images: false },
  { textMax: 80, images: false },
];

function card(body: CardElement[], entities: MentionEntity[]): Record<string, unknown> {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    msteams: { width: "Full", ...(entities.length > 0 ? { entities } : {}) },
  };
}

function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** The first of the ever smaller renderings that fits the limit; the last resort keeps only the fallback text. */
function firstThatFits(render: (fit: Fit) => Record<string, unknown>, fallbackText: string): Record<string, unknown> {
  for (const fit of fits) {
    const rendered = render(fit);
    if (bytes(rendered) <= cardByteLimit) return rendered;
  }
  return card(richText(`${shorten(fallbackText, 2000)}\n\n(This message was too long to show in full.)`), []);
}

/** A neutral message as an Adaptive Card 1.5, escaped and cut to fit. */
export function renderMessage(message: Message, context: RenderContext): RenderedCard {
  const render = (fit: Fit) => {
    const entities: MentionEntity[] = [];
    const body: CardElement[] = [];
    const loneChoice = message.blocks.filter((block) => block.type === "choice").length <= 1;
    let separate = false;
    for (const block of message.blocks) {
      if (block.type === "divider") {
        separate = body.length > 0;
        continue;
      }
      const elements = blockElements(block, context, fit, entities, loneChoice);
      const [first, ...rest] = elements;
      if (first) body.push(separate ? { ...first, separator: true, spacing: "Medium" } : first, ...rest);
      separate = separate && !first;
    }
    return card(body, entities);
  };
  return { card: firstThatFits(render, plainText(message.text)), summary: shorten(plainText(message.text), 200) };
}

/** A form (the full check-in) as one phone-sized card: each question a compact drop-down row, one Send at the end. */
export function renderForm(form: Form): RenderedCard {
  const render = (fit: Fit) =>
    card(
      [
        ...richText(`*${shorten(form.title, 200)}*`),
        ...richText(shorten(form.intro, fit.textMax)),
        ...richText("Answer only what you'd like to; skip any question.", { subtle: true, small: true }),
        ...form.questions.map((question, index) => ({
          ...choiceInput(
            question.itemId,
            `${index + 1}. ${shorten(question.text, Math.min(fit.textMax, 1000))}`,
            question.options,
            { required: false, style: "compact" },
          ),
          spacing: "Medium",
        })),
        {
          type: "ActionSet",
          actions: [
            cardAction(
              shorten(form.submitLabel.trim() || "Send", 80),
              { cohesion: "form", promptId: form.promptId, itemIds: form.questions.map((q) => q.itemId) },
              "auto",
              true,
            ),
          ],
        },
      ],
      [],
    );
  return { card: firstThatFits(render, form.title), summary: shorten(form.title, 200) };
}
