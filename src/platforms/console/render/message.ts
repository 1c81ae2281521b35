import type { Address } from "../../../kernel/address.js";
import type { Block, ButtonAction, FileBlock, Message } from "../../../kernel/message.js";

/** What typing a token does for the person a message was shown to. */
export type ConsoleAction =
  | { readonly type: "choice"; readonly promptId: string; readonly itemId: string; readonly value: number }
  | { readonly type: "button"; readonly promptId: string; readonly action: ButtonAction };

/** A message as terminal text, with the tokens that answer it. */
export interface ConsoleView {
  readonly text: string;
  readonly actions: ReadonlyMap<string, ConsoleAction>;
}

const letters = "abcdefghijklmnopqrstuvwxyz";

function plain(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, "$1").replace(/`([^`\n]+)`/g, "$1");
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

function renderBlock(block: Block, actions: Map<string, ConsoleAction>, saved: ReadonlyMap<FileBlock, string>): string {
  switch (block.type) {
    case "text":
      return plain(block.text);
    case "context":
      return `  (${plain(block.text)})`;
    case "divider":
      return "  ---";
    case "fields":
      return block.fields.map((field) => `  ${field.label}: ${field.value}`).join("\n");
    case "image":
      // A terminal cannot show the picture: its sparklines (or, failing those, its alt text) stand in.
      return block.textVersion ? `  Chart:\n${indent(block.textVersion)}` : `  [chart: ${block.alt}]`;
    case "mention":
      return `${personOf(block.address)}: ${plain(block.text)}`;
    case "file": {
      const path = saved.get(block);
      return path
        ? `  [file saved: ${path} · ${block.title}, ${block.data.byteLength} bytes]`
        : `  [file: ${block.title} (${block.filename}, ${block.data.byteLength} bytes)]`;
    }
    case "choice": {
      for (const option of block.options)
        actions.set(String(option.value), {
          type: "choice",
          promptId: block.promptId,
          itemId: block.itemId,
          value: option.value,
        });
      return `${plain(block.question)}\n  ${block.options.map((o) => `${o.value} ${o.label}`).join(" · ")}`;
    }
    case "buttons":
      return block.buttons
        .map((button) => {
          const token = letters[[...actions.keys()].filter((k) => /^[a-z]$/.test(k)).length] ?? "?";
          actions.set(token, { type: "button", promptId: button.promptId, action: button.action });
          return `  [${token}] ${button.label}`;
        })
        .join("\n");
  }
}

/** Renders a neutral message as plain terminal text; choices are typed as their value, buttons as a letter; saved files by their path. */
export function renderForConsole(message: Message, saved: ReadonlyMap<FileBlock, string> = new Map()): ConsoleView {
  const actions = new Map<string, ConsoleAction>();
  const text = message.blocks.map((block) => renderBlock(block, actions, saved)).join("\n");
  const hint = actions.size > 0 ? "\n  > type a number or letter to answer" : "";
  return { text: text + hint, actions };
}

/** A console address's person name ("console:ana" -> "ana"). */
export function personOf(address: Address): string {
  return address.slice(address.indexOf(":") + 1);
}
