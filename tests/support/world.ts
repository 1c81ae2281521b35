import { assemble } from "../../src/main/assemble.js";
import type { Cohesion } from "../../src/app/cohesion.js";
import type { Content } from "../../src/app/setup.js";
import type { Store } from "../../src/core/store.js";
import type { CohesionConfig } from "../../src/core/setup/index.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { exampleConfig, exampleSetup } from "./example-setup.js";
import { ManualClock, RecordingChartRenderer, RecordingLogger, RecordingMessenger } from "./fakes.js";

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
  options: {
    now?: string;
    config?: CohesionConfig;
    store?: Store;
    charts?: RecordingChartRenderer;
    content?: Content;
  } = {},
): World {
  const clock = new ManualClock(new Date(options.now ?? "2026-11-27T18:00:00Z"));
  const messenger = new RecordingMessenger();
  const logger = new RecordingLogger();
  const store = options.store ?? new MemoryStore();
  const charts = options.charts ?? new RecordingChartRenderer();
  const bot = assemble({
    config: options.config ?? exampleConfig(),
    content: options.content ?? exampleSetup.content,
    store,
    clock,
    logger,
    messenger,
    charts,
  });
  return { ...bot, clock, messenger, logger, store, charts };
}
