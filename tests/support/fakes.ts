import type { Address } from "../../src/kernel/address.js";
import type { Form, Message } from "../../src/kernel/message.js";
import type { ChartRenderer, ChartSpec, Clock, Logger, Messenger } from "../../src/kernel/ports.js";
import { indexedPng } from "../../src/chart-renderer/indexed-png.js";

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return new Date(this.instant);
  }
  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }
  advanceHours(hours: number): void {
    this.instant = new Date(this.instant.getTime() + hours * 3_600_000);
  }
}

/** A messenger that records what each address was sent, and can be told to fail for some. */
export class RecordingMessenger implements Messenger {
  readonly sent: { to: Address; message: Message }[] = [];
  readonly forms: { to: Address; form: Form }[] = [];
  failFor: (to: Address) => Error | undefined = () => undefined;

  async send(to: Address, message: Message): Promise<void> {
    const failure = this.failFor(to);
    if (failure) throw failure;
    this.sent.push({ to, message });
  }
  async openForm(to: Address, form: Form): Promise<void> {
    this.forms.push({ to, form });
  }
  /** Messages one address received, as their fallback text. */
  textsTo(to: string): string[] {
    return this.sent.filter((s) => s.to === to).map((s) => s.message.text);
  }
}

/** A logger that keeps every line, so tests can check nothing personal is logged. */
export class RecordingLogger implements Logger {
  readonly lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  info(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level: "info", fields, message });
  }
  warn(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level: "warn", fields, message });
  }
  error(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level: "error", fields, message });
  }
}

/** A chart renderer that records every spec it is asked to draw; it draws a 1x1 PNG unless given a real renderer, and can be told to fail. */
export class RecordingChartRenderer implements ChartRenderer {
  readonly specs: ChartSpec[] = [];
  fail: Error | undefined;
  constructor(private readonly inner?: ChartRenderer) {}

  async renderPng(spec: ChartSpec): Promise<Uint8Array> {
    this.specs.push(spec);
    if (this.fail) throw this.fail;
    return this.inner ? this.inner.renderPng(spec) : indexedPng(new Uint8Array([255, 255, 255, 255]), 1, 1);
  }
}
