import { localPart, platformOf } from "../../../kernel/address.js";
import type { Block, ChoiceBlock, FileBlock, MentionBlock } from "../../../kernel/message.js";
import { answerInputId, cardAction } from "../inbound/card-actions.js";
import { plainText, richText, shorten, type CardElement } from "./text.js";

/** How far a card is cut down to fit Teams' message size. */
export interface Fit {
  /** The longest text of any one block, in characters. */
  readonly textMax: number;
  /** Whether PNG images go inline (as data URIs) or only their alt text. */
  readonly images: boolean;
}

/** What rendering needs to know beyond the blocks. */
export interface RenderContext {
  /** Display names of Teams people, by address, for mentions. */
  readonly names: ReadonlyMap<string, string>;
  /** What a card says where a file block was: the file itself travels separately. */
  readonly fileNote: (block: FileBlock) => string;
}

/** A Teams mention inside a card. */
export interface MentionEntity {
  type: "mention";
  text: string;
  mentioned: { id: string; name: string };
}

const limits = { buttonTitle: 80, optionTitle: 100, options: 50, buttons: 6 } as const;

/** A display name made safe for a markdown TextBlock: no tags, no markdown. */
function safeName(name: string): string {
  return shorten(
    name.replace(/[<>]/g, "").replace(/[\\*_[\]()#~`>!-]/g, (c) => `\\${c}`),
    200,
  );
}

/** How an item's options are shown: stacked radio buttons, or one compact drop-down row (a phone's own picker). */
export type ChoiceStyle = "expanded" | "compact";

/** The Input.ChoiceSet answering one item: the question as its label (plain text), the options in `style`. */
export function choiceInput(
  itemId: string,
  question: string,
  options: ChoiceBlock["options"],
  { required, style }: { required: boolean; style: ChoiceStyle },
): CardElement {
  return {
    type: "Input.ChoiceSet",
    id: answerInputId(itemId),
    label: plainText(question).trim() || "Your answer",
    style,
    isRequired: required,
    ...(required ? { errorMessage: "Please pick one, then press Send." } : {}),
    ...(style === "compact" ? { placeholder: "Choose an answer" } : {}),
    choices: options.slice(0, limits.options).map((option) => {
      const label = option.label.trim();
      const title = style === "compact" ? `${option.value} ${label}`.trim() : label || String(option.value);
      return { title: shorten(title, limits.optionTitle), value: String(option.value) };
    }),
  };
}

function mention(block: MentionBlock, context: RenderContext, fit: Fit, entities: MentionEntity[]): CardElement[] {
  const text = richText(shorten(block.text, fit.textMax));
  if (platformOf(block.address) !== "teams") {
    return [
      {
        type: "RichTextBlock",
        inlines: [{ type: "TextRun", text: shorten(localPart(block.address), 200), weight: "Bolder" }],
      },
      ...text,
    ];
  }
  // Teams shows the person's card on tap, so a mention helps even when their name is not known yet.
  const tag = `<at>${safeName(context.names.get(block.address) ?? "this member")}</at>`;
  entities.push({
    type: "mention",
    text: tag,
    mentioned: { id: localPart(block.address), name: context.names.get(block.address) ?? "this member" },
  });
  return [{ type: "TextBlock", text: tag, wrap: true }, ...text];
}

// A choice's Send sends the card's inputs, so its answer is `required` only when it is the card's one choice: Teams
// would otherwise ask for every choice first.
/** The card elements of one neutral block, cut to `fit`. */
export function blockElements(
  block: Block,
  context: RenderContext,
  fit: Fit,
  entities: MentionEntity[],
  required = true,
): CardElement[] {
  switch (block.type) {
    case "text":
      return richText(shorten(block.text, fit.textMax));
    case "context":
      return richText(shorten(block.text, fit.textMax), { subtle: true, small: true });
    case "divider":
      return [];
    case "fields":
      return block.fields.map((field) => ({
        type: "RichTextBlock",
        inlines: [
          { type: "TextRun", text: `${shorten(field.label, 200)}: `, weight: "Bolder" },
          { type: "TextRun", text: shorten(field.value, fit.textMax) },
        ],
      }));
    case "choice":
      return [
        choiceInput(block.itemId, shorten(block.question, Math.min(fit.textMax, 1000)), block.options, {
          required,
          style: "expanded",
        }),
        {
          type: "ActionSet",
          actions: [
            cardAction("Send", { cohesion: "choice", promptId: block.promptId, itemId: block.itemId }, "auto", true),
          ],
        },
      ];
    case "buttons":
      return [
        {
          type: "ActionSet",
          actions: block.buttons
            .slice(0, limits.buttons)
            .map((button) =>
              cardAction(
                shorten(button.label.trim() || "Choose", limits.buttonTitle),
                { cohesion: "button", promptId: button.promptId, action: button.action },
                "none",
                button.primary,
              ),
            ),
        },
      ];
    case "image":
      if (fit.images)
        return [
          {
            type: "Image",
            url: `data:image/png;base64,${Buffer.from(block.compactPng ?? block.png).toString("base64")}`,
            altText: shorten(block.alt, 1000),
          },
        ];
      return richText(shorten(block.alt, fit.textMax), { subtle: true });
    case "mention":
      return mention(block, context, fit, entities);
    case "file":
      return richText(shorten(context.fileNote(block), Math.max(fit.textMax, 300)));
  }
}
