import type { Address } from "./address.js";

/** One option of a single-choice question, e.g. `{ value: 4, label: "Quite a bit" }`. */
export interface ChoiceOption {
  readonly value: number;
  readonly label: string;
}

/** A single-choice question inside a message, answered with one tap. */
export interface ChoiceBlock {
  readonly type: "choice";
  readonly promptId: string;
  readonly itemId: string;
  readonly question: string;
  readonly options: readonly ChoiceOption[];
}

/** Every action a button can ask of the core; platforms carry it through opaquely. */
export const buttonActions = [
  "rsvp-yes",
  "rsvp-no",
  "open-form",
  "alert-acknowledge",
  "alert-discussed",
  "alert-resolve",
  "not-there",
  "contact-yes",
  "contact-no",
  "orientation-read",
  "orientation-question",
  "forget-confirm",
  "delete-data-confirm",
] as const;

/** What pressing a button asks the core to do. */
export type ButtonAction = (typeof buttonActions)[number];

/** A button tied to a prompt (or another opaque id in the prompt-id format); ids carry no names or answers. */
export interface Button {
  readonly promptId: string;
  readonly action: ButtonAction;
  readonly label: string;
  readonly primary?: boolean;
}

/** A block of a neutral message, rendered natively by each platform. */
export type Block =
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "fields"; readonly fields: readonly { readonly label: string; readonly value: string }[] }
  | { readonly type: "context"; readonly text: string }
  | { readonly type: "divider" }
  | ChoiceBlock
  | { readonly type: "buttons"; readonly buttons: readonly Button[] }
  | ImageBlock
  | MentionBlock
  | FileBlock;

/** A picture (a chart) with its alt text; `textVersion` is what a text-only surface such as the console shows instead (sparklines). */
export interface ImageBlock {
  readonly type: "image";
  readonly png: Uint8Array;
  readonly alt: string;
  readonly textVersion?: string;
  /** The same picture drawn smaller, for platforms whose messages must stay small (a Teams card carries it inline). */
  readonly compactPng?: Uint8Array;
}

/** A line about one person, shown to leads only: the platform names the person natively (a mention), then `text`. */
export interface MentionBlock {
  readonly type: "mention";
  readonly address: Address;
  readonly text: string;
}

/** A file handed to the reader (an export): uploaded where the platform allows, saved locally in the console. */
export interface FileBlock {
  readonly type: "file";
  readonly filename: string;
  readonly mediaType: "text/csv";
  readonly data: Uint8Array;
  readonly title: string;
}

/** A platform-neutral message: a plain-text fallback (notifications) and its blocks. */
export interface Message {
  readonly text: string;
  readonly blocks: readonly Block[];
}

/** A question of a form. */
export interface FormQuestion {
  readonly itemId: string;
  readonly text: string;
  readonly options: readonly ChoiceOption[];
}

/** An ordered set of questions answered together (a modal, a card, sequential console prompts). */
export interface Form {
  readonly promptId: string;
  readonly title: string;
  readonly intro: string;
  readonly questions: readonly FormQuestion[];
  readonly submitLabel: string;
}

/** A message made of text paragraphs only. */
export function textMessage(...paragraphs: string[]): Message {
  return { text: paragraphs.join("\n\n"), blocks: paragraphs.map((text) => ({ type: "text", text })) };
}
