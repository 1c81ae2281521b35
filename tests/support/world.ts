import { assemble } from "../../src/main/assemble.js";
import { type Cohesion } from "../../src/app/cohesion.js";
import type { Setup } from "../../src/app/setup.js";
import { loadSetup } from "../../src/main/load-setup.js";
import { readEnv } from "../../src/main/config.js";
import { shippedExampleConfig } from "../../src/main/config-file.js";
import type { Address } from "../../src/kernel/address.js";
import type { Form, Message } from "../../src/kernel/message.js";
import type { ChartRenderer, ChartSpec, Clock, Logger, Messenger } from "../../src/kernel/ports.js";
import type { Store } from "../../src/core/store.js";
import { indexedPng } from "../../src/chart-renderer/indexed-png.js";
import type { CohesionConfig } from "../../src/core/setup/index.js";
import { MemoryStore } from "../../src/store/memory-store.js";

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

const exampleSetup: Setup = loadSetup(readEnv({ COHESION_CONFIG: shippedExampleConfig }), true);

/** The shipped programs and instruments. */
export const exampleContent = exampleSetup.content;

/** The demo organisation of cohesion.example.yaml, optionally edited by a test. */
export function exampleConfig(edit: (config: CohesionConfig) => CohesionConfig = (c) => c): CohesionConfig {
  return edit(structuredClone(exampleSetup.config));
}

/** A whole bot over an in-memory store, a manual clock and a recording messenger. */
export interface World extends Cohesion {
  readonly clock: ManualClock;
  readonly messenger: RecordingMessenger;
  readonly logger: RecordingLogger;
  readonly store: Store;
  readonly charts: RecordingChartRenderer;
}

/** Builds a world at `now` (default: 4 days before the demo's first session); charts are recorded, not drawn, unless a renderer is given. */
export function makeWorld(
  options: { now?: string; config?: CohesionConfig; store?: Store; charts?: RecordingChartRenderer } = {},
): World {
  const clock = new ManualClock(new Date(options.now ?? "2026-11-27T18:00:00Z"));
  const messenger = new RecordingMessenger();
  const logger = new RecordingLogger();
  const store = options.store ?? new MemoryStore();
  const charts = options.charts ?? new RecordingChartRenderer();
  const bot = assemble({
    config: options.config ?? exampleConfig(),
    content: exampleSetup.content,
    store,
    clock,
    logger,
    messenger,
    charts,
  });
  return { ...bot, clock, messenger, logger, store, charts };
}
