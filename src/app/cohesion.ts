import type { CoreContext } from "../core/context.js";
import type { Dispatcher } from "./dispatcher.js";
import type { InteractionHandler } from "./interactions.js";

/** The running bot, the same whichever platforms carry it. */
export interface Cohesion {
  readonly ctx: CoreContext;
  readonly dispatcher: Dispatcher;
  readonly interactions: InteractionHandler;
}
