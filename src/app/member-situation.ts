import type { CoreContext } from "../core/context.js";
import { isDeceased } from "../core/groups/index.js";
import type { InboundEvent } from "../kernel/events.js";
import { UserError } from "../kernel/errors.js";
import { pressNotThere } from "./attendance-buttons.js";
import type { Outcome } from "./outcome.js";

/**
 * Runs an interaction (`apply`) with what a member's situation changes. "I wasn't there" on a check-in is
 * handled here. Nothing is ever shown to someone recorded as deceased: what they write still reaches
 * their leads (it is read as usual), and their taps on old messages change nothing.
 */
export async function withMemberSituation(
  ctx: CoreContext,
  event: InboundEvent,
  apply: (event: InboundEvent) => Promise<Outcome>,
): Promise<Outcome> {
  if (await isDeceased(ctx, event.from)) {
    if (event.type === "text" || event.type === "command")
      await apply(event).catch((error: unknown) => {
        if (!(error instanceof UserError))
          ctx.logger.error({ error: (error as Error).name }, "interaction failed; nothing shown");
      });
    return { silent: true };
  }
  if (event.type === "button" && event.action === "not-there") return pressNotThere(ctx, event.from, event.promptId);
  return apply(event);
}
