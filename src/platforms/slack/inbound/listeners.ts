import type { App } from "@slack/bolt";
import { registerAppHome } from "./app-home.js";
import { registerBlockActions } from "./block-actions.js";
import { registerDirectMessage } from "./direct-message.js";
import type { ListenerDeps } from "./listener-deps.js";
import { registerSlashCommand } from "./slash-command.js";
import { registerViewSubmission } from "./view-submission.js";

/** Ignores an Events API delivery seen before (same event_id), across restarts too, so each event has one effect. */
function registerEventDedupe(app: App, deps: ListenerDeps): void {
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && (deps.events.claim(`event|${eventId}`) || (await seenBefore(deps, eventId)))) {
      deps.logger.info({ code: "slack-event-repeated" }, "Slack event ignored");
      return;
    }
    await next();
  });
}

// Slack has its answer already: if the store cannot be reached, handling the event beats losing it.
async function seenBefore(deps: ListenerDeps, eventId: string): Promise<boolean> {
  try {
    return await deps.seenEvents.claim(eventId);
  } catch (error) {
    deps.logger.warn({ code: "slack-event-check-failed", error: (error as Error).name }, "Slack event not checked");
    return false;
  }
}

/** Registers every Slack listener, explicitly and in this order: de-duplication first. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerEventDedupe(app, deps);
  registerSlashCommand(app, deps);
  registerBlockActions(app, deps);
  registerViewSubmission(app, deps);
  registerAppHome(app, deps);
  registerDirectMessage(app, deps);
}
