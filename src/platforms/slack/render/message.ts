import type { types } from "@slack/bolt";
import { localPart, platformOf } from "../../../kernel/address.js";
import type { Block, Button, ChoiceBlock, Message, MentionBlock } from "../../../kernel/message.js";
import { actionId, encodeValue } from "./interactive-ids.js";
import { slackLimits } from "./limits.js";
import { escapeMrkdwn, splitMrkdwn, truncate } from "./text.js";

/** A Block Kit block. */
export type SlackBlock = types.KnownBlock;

/** Bytes Cohesion uploads beside a message (a chart or an export); Slack shows them as files. */
export interface Upload {
  readonly filename: string;
  readonly title: string;
  readonly bytes: Uint8Array;
  /** Alt text for images, read by screen readers. */
  readonly alt?: string;
}

/** A neutral message as Slack messages: one or more posts of at most 50 blocks, then uploads. */
export interface RenderedMessage {
  readonly text: string;
  readonly posts: readonly (readonly SlackBlock[])[];
  readonly uploads: readonly Upload[];
}

function mrkdwn(text: string) {
  // verbatim: Slack must not turn URLs, #channels or @names in our text into links or mentions.
  return { type: "mrkdwn" as const, text, verbatim: true };
}

function plain(text: string, max: number) {
  return { type: "plain_text" as const, text: truncate(text, max), emoji: true };
}

function sections(escaped: string): SlackBlock[] {
  return splitMrkdwn(escaped, slackLimits.sectionText).map((piece) => ({ type: "section", text: mrkdwn(piece) }));
}

/** How a person or channel is named in a line for leads: a native mention on Slack, the plain name elsewhere. */
export function mentionOf(mention: MentionBlock): string {
  const id = localPart(mention.address);
  if (platformOf(mention.address) !== "slack") return escapeMrkdwn(id);
  if (/^[UW][A-Z0-9]+$/.test(id)) return `<@${id}>`;
  if (/^[CG][A-Z0-9]+$/.test(id)) return `<#${id}>`;
  return escapeMrkdwn(id);
}

function choiceBlocks(block: ChoiceBlock, next: () => number): SlackBlock[] {
  const value = (v: number, max?: number) =>
    encodeValue({ kind: "choice", promptId: block.promptId, itemId: block.itemId, value: v }, max);
  const question = sections(escapeMrkdwn(block.question));
  if (block.options.length <= slackLimits.elementsPerActions) {
    const elements = block.options.map((option) => ({
      type: "button" as const,
      action_id: actionId(next()),
      text: plain(option.label, slackLimits.buttonLabel),
      value: value(option.value),
    }));
    return [...question, { type: "actions", elements }];
  }
  const options = block.options.slice(0, slackLimits.optionsPerSelect).map((option) => ({
    text: plain(option.label, slackLimits.optionText),
    value: value(option.value, slackLimits.optionValue),
  }));
  const select = {
    type: "static_select" as const,
    action_id: actionId(next()),
    placeholder: plain("Choose one", slackLimits.optionText),
    options,
  };
  return [...question, { type: "actions", elements: [select] }];
}

function buttonBlocks(buttons: readonly Button[], next: () => number): SlackBlock[] {
  const elements = buttons.map((button) => ({
    type: "button" as const,
    action_id: actionId(next()),
    text: plain(button.label, slackLimits.buttonLabel),
    value: encodeValue({ kind: "button", promptId: button.promptId, action: button.action }),
    ...(button.primary ? { style: "primary" as const } : {}),
  }));
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < elements.length; i += slackLimits.elementsPerActions)
    blocks.push({ type: "actions", elements: elements.slice(i, i + slackLimits.elementsPerActions) });
  return blocks;
}

function fieldBlocks(fields: readonly { label: string; value: string }[]): SlackBlock[] {
  const texts = fields.map((field) =>
    mrkdwn(truncate(`*${escapeMrkdwn(field.label)}*\n${escapeMrkdwn(field.value)}`, slackLimits.fieldText)),
  );
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < texts.length; i += slackLimits.fieldsPerSection)
    blocks.push({ type: "section", fields: texts.slice(i, i + slackLimits.fieldsPerSection) });
  return blocks;
}

function renderBlock(block: Block, next: () => number, uploads: Upload[]): SlackBlock[] {
  switch (block.type) {
    case "text":
      return sections(escapeMrkdwn(block.text));
    case "context":
      return splitMrkdwn(escapeMrkdwn(block.text), slackLimits.sectionText).map((piece) => ({
        type: "context",
        elements: [mrkdwn(piece)],
      }));
    case "divider":
      return [{ type: "divider" }];
    case "fields":
      return fieldBlocks(block.fields);
    case "mention":
      return sections(`${mentionOf(block)} ${escapeMrkdwn(block.text)}`);
    case "choice":
      return choiceBlocks(block, next);
    case "buttons":
      return buttonBlocks(block.buttons, next);
    case "image":
      uploads.push({
        filename: "chart.png",
        title: truncate(block.alt, 250),
        bytes: block.png,
        alt: truncate(block.alt, 1000),
      });
      return [];
    case "file":
      uploads.push({ filename: block.filename, title: truncate(block.title, 250), bytes: block.data });
      return [];
  }
}

/** Renders a neutral message to Block Kit within Slack's limits, splitting into several posts rather than losing content. */
export function renderMessage(message: Message): RenderedMessage {
  let counter = 0;
  const next = () => counter++;
  const uploads: Upload[] = [];
  const blocks = message.blocks.flatMap((block) => renderBlock(block, next, uploads));
  const posts: SlackBlock[][] = [];
  for (let i = 0; i < blocks.length; i += slackLimits.blocksPerMessage)
    posts.push(blocks.slice(i, i + slackLimits.blocksPerMessage));
  return { text: truncate(escapeMrkdwn(message.text), slackLimits.fallbackText), posts, uploads };
}

/** Renders a message that must fit one surface (a reply, an update, a view): at most `maxBlocks`, saying so if cut. */
export function renderSingle(
  message: Message,
  maxBlocks: number = slackLimits.blocksPerMessage,
): { text: string; blocks: SlackBlock[]; uploads: readonly Upload[] } {
  const rendered = renderMessage(message);
  const all = rendered.posts.flat();
  const blocks: SlackBlock[] =
    all.length <= maxBlocks
      ? all
      : [
          ...all.slice(0, maxBlocks - 1),
          { type: "context", elements: [mrkdwn("This was too long to show in full here.")] },
        ];
  return { text: rendered.text, blocks, uploads: rendered.uploads };
}
