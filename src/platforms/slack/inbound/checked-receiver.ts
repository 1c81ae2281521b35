import { ExpressReceiver, type ExpressReceiverOptions } from "@slack/bolt";
import type { Request, Response } from "express";
import type { Logger } from "../../../kernel/ports.js";
import { requestVerdict } from "./request-shape.js";
import type { SeenRequests } from "./seen-requests.js";

/**
 * Bolt's ExpressReceiver with each signed request's body checked before Bolt reads it: Bolt answers 500 to
 * bodies it cannot introspect (a JSON null, a number where it expects a list) and 404 after three seconds to
 * bodies no listener takes, so those get 400, or 200 for Events API deliveries, and change nothing. A signature
 * seen before (a replay) gets 200 and changes nothing.
 */
export class CheckedExpressReceiver extends ExpressReceiver {
  private readonly log: Logger;

  constructor(
    options: ExpressReceiverOptions,
    logger: Logger,
    private readonly seen: SeenRequests,
  ) {
    super({
      ...options,
      // Listeners' own errors go to app.error; what reaches here failed inside Bolt before any listener ran.
      processEventErrorHandler: async ({ response }) => {
        logger.warn({ code: "slack-request-unreadable" }, "Slack request refused");
        if (response.headersSent) return false;
        response.writeHead(400).end();
        return true;
      },
    });
    this.log = logger;
  }

  /** Hands a signed request to Bolt only when its body has the shape Cohesion handles. */
  override async requestHandler(req: Request, res: Response): Promise<void> {
    const verdict = requestVerdict(req.body);
    if (verdict === "handle") {
      if (await this.replayed(req, res)) return;
      return super.requestHandler(req, res);
    }
    this.log.info(
      { code: `slack-request-${verdict === "ignore" ? "ignored" : "malformed"}` },
      "Slack request not handled",
    );
    res.status(verdict === "ignore" ? 200 : 400).send();
  }

  // Runs after Bolt checked the signature, so only genuine requests are recorded; recorded before acting, so
  // a replay arriving after a crash or restart is still recognised.
  private async replayed(req: Request, res: Response): Promise<boolean> {
    try {
      if (!(await this.seen.claim(req.get("x-slack-signature") ?? ""))) return false;
      this.log.info({ code: "slack-request-replayed" }, "Slack request ignored");
      res.status(200).send();
    } catch (error) {
      this.log.error({ code: "slack-replay-check-failed", error: (error as Error).name }, "Slack request refused");
      res.status(503).send();
    }
    return true;
  }
}
