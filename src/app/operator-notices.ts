import type { Address } from "../kernel/address.js";
import { DeliveryError } from "../kernel/errors.js";
import type { Message } from "../kernel/message.js";
import type { Clock, Logger, Messenger } from "../kernel/ports.js";
import type { Trouble, TroubleWatch } from "./delivery-trouble.js";
import { recoveryNotice, troubleNotice } from "./operator-words.js";

/** What telling the operators needs: who they are, a messenger straight to the platforms, and the trouble watch. */
export interface OperatorNoticeOptions {
  readonly operators: readonly Address[];
  /** Straight to the platforms, not through the outbox, which may be what is stuck. */
  readonly messenger: Messenger;
  readonly watch: TroubleWatch;
  readonly clock: Clock;
  readonly logger: Logger;
}

const codeOf = (trouble: Trouble) =>
  trouble.code === "platform-down" ? `${trouble.platform}-down:${trouble.detail}` : trouble.code;

/** Logs at once when no operators are set; each call then looks for trouble and tells each operator once of it, and of recovery. */
export function createOperatorNotices(options: OperatorNoticeOptions): () => Promise<void> {
  const { operators, messenger, watch, clock, logger } = options;
  let episode: { readonly since: Date; readonly told: Set<Address> } | undefined;
  if (operators.length === 0)
    logger.warn({ code: "no-operators" }, "No operators are set (organisation.operators): trouble is only logged");

  async function tell(to: Address, message: Message, code: string): Promise<boolean> {
    try {
      await messenger.send(to, message);
      return true;
    } catch (error) {
      const reason = error instanceof DeliveryError ? error.code : "unexpected";
      logger.warn({ code: "operator-notice-not-sent", notice: code, error: reason }, "operator notice not sent");
      return false;
    }
  }

  return async function look(): Promise<void> {
    const now = clock.now();
    const troubles = watch.troublesAt(now);
    if (troubles.length > 0) {
      if (!episode) {
        episode = { since: now, told: new Set() };
        logger.warn({ code: "deliveries-in-trouble", troubles: troubles.map(codeOf) }, "deliveries in trouble");
      }
      const told = episode.told;
      // Someone not reached is tried again at the next look, for as long as the trouble lasts.
      for (const operator of operators.filter((address) => !told.has(address)))
        if (await tell(operator, troubleNotice(troubles), "deliveries-in-trouble")) told.add(operator);
      return;
    }
    if (!episode) return;
    const { since, told } = episode;
    episode = undefined;
    logger.info(
      { code: "deliveries-recovered", minutes: Math.round((now.getTime() - since.getTime()) / 60_000) },
      "deliveries recovered",
    );
    for (const operator of told) await tell(operator, recoveryNotice(since, now), "deliveries-recovered");
  };
}
