import { commands } from "../../commands/index.js";
import { schedules } from "../../schedules/index.js";
import type { Address } from "../kernel/address.js";
import type { CoreContext } from "../core/context.js";
import type { Message } from "../kernel/message.js";
import { withRiskKeywords, type CohesionConfig } from "../core/setup/index.js";
import type { ChartRenderer, Clock, DeliveryTag, Logger, Messenger } from "../kernel/ports.js";
import type { Store } from "../core/store.js";
import { createPngChartRenderer } from "../chart-renderer/png-chart-renderer.js";
import { createCommandRouter } from "../app/command-router.js";
import type { Content } from "../app/setup.js";
import type { Cohesion } from "../app/cohesion.js";
import { createDispatcher } from "../app/dispatcher.js";
import { createInteractionHandler } from "../app/interactions.js";

/** Wires configuration, content, store, clock and messenger into the core, commands and schedules. */
export function assemble(parts: {
  config: CohesionConfig;
  content: Content;
  store: Store;
  clock: Clock;
  logger: Logger;
  messenger: Messenger;
  /** Draws charts; the PNG renderer unless a test passes its own. */
  charts?: ChartRenderer;
}): Cohesion {
  const ctx: CoreContext = {
    organisation: parts.config.organisation,
    groups: parts.config.groups,
    programs: parts.content.programs,
    instruments: parts.content.instruments,
    riskPhrases: withRiskKeywords(parts.content.riskPhrases, parts.config.organisation.analytics.riskKeywords),
    store: parts.store,
    clock: parts.clock,
    logger: parts.logger,
    charts: parts.charts ?? createPngChartRenderer(),
  };
  const send = (to: Address, message: Message, tag?: DeliveryTag) => parts.messenger.send(to, message, tag);
  const dispatcher = createDispatcher(ctx, schedules, send);
  const interactions = createInteractionHandler(ctx, createCommandRouter(commands, send), {
    deliverNow: () => dispatcher.sweep(),
  });
  return { ctx, dispatcher, interactions };
}
