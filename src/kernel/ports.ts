import type { Address } from "./address.js";
import type { Form, Message } from "./message.js";

/** The source of "now"; injected so tests and the console can move time. */
export interface Clock {
  now(): Date;
}

/** Structured logging; callers pass no names, ids, answers or free text. */
export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** Which scheduled delivery a message is: its key, when it fell due, and whether an earlier attempt's outcome is unknown. */
export interface DeliveryTag {
  readonly key: string;
  readonly dueAt: string;
  readonly earlierAttemptUnknown: boolean;
}

/** Sends neutral messages to addresses on one platform. */
export interface Messenger {
  /** Delivers a message (`tag` when it is a scheduled delivery); throws DeliveryError when it cannot. */
  send(to: Address, message: Message, tag?: DeliveryTag): Promise<void>;
  /** Shows a form to the person who asked for it (a modal, a card, prompts in the console). */
  openForm(to: Address, form: Form): Promise<void>;
}

/** A chart as a Vega-Lite specification: plain JSON data, built in the core and drawn by a ChartRenderer. */
export type ChartSpec = Readonly<Record<string, unknown>>;

/** Draws charts as PNG images (no browser); rejects when a spec cannot be drawn. */
export interface ChartRenderer {
  /** The PNG bytes of a chart. */
  renderPng(spec: ChartSpec): Promise<Uint8Array>;
}
