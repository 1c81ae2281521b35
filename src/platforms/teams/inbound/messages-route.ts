import type { HttpRouteHandler } from "@microsoft/teams.apps";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { z } from "zod";
import type { Logger } from "../../../kernel/ports.js";
import { bearerKeyId } from "./bearer-token.js";
import type { PublishedKeys } from "./published-keys.js";

/** What the POST /api/messages route needs: the SDK's handler, and the key check unless authentication is off. */
export interface MessagesRoute {
  readonly path: string;
  readonly sdkHandler: HttpRouteHandler;
  /** Undefined when Teams runs without authentication (local tools only). */
  readonly publishedKeys: PublishedKeys | undefined;
  readonly logger: Logger;
}

// The SDK checks the token before Cohesion's own schema reads the activity, so only the shape it needs is checked first.
const inboundBody = z.looseObject({ type: z.string().min(1) });

/** Why a request is refused before the SDK sees it, if it is. */
async function refusalOf(
  authorization: string,
  keys: PublishedKeys,
): Promise<"implausible-token" | "unpublished-key" | "keys-unavailable" | undefined> {
  const kid = bearerKeyId(authorization);
  if (kid === undefined) return "implausible-token";
  const standing = await keys.standing(kid);
  if (standing === "unpublished") return "unpublished-key";
  return standing === "unavailable" ? "keys-unavailable" : undefined;
}

/** Adds POST /api/messages: Cohesion's own checks, then the SDK's authentication and routing; refusals are logged as codes. */
export function addMessagesRoute(router: Router, route: MessagesRoute): void {
  const { path, sdkHandler, publishedKeys, logger } = route;
  router.post(path, express.json({ limit: "256kb" }), async (req: Request, res: Response) => {
    const activity = inboundBody.safeParse(req.body);
    if (!activity.success) return void res.status(400).json({ error: "malformed request" });
    const refusal = publishedKeys && (await refusalOf(req.headers.authorization ?? "", publishedKeys));
    if (refusal === "keys-unavailable") {
      // Not the sender's fault: Teams tries again later.
      logger.error({ code: "teams-request-failed", error: refusal }, "Teams request not checked");
      return void res.status(503).json({ error: "try again later" });
    }
    if (refusal) {
      logger.warn({ code: "teams-request-unauthorized", error: refusal }, "Teams request refused");
      return void res.status(401).json({ error: "unauthorized" });
    }
    const response = await sdkHandler({
      body: activity.data,
      headers: req.headers as Record<string, string | string[]>,
    });
    if (response.status === 401) {
      logger.warn({ code: "teams-request-unauthorized", error: "token-refused" }, "Teams request refused");
      return void res.status(401).json({ error: "unauthorized" });
    }
    if (response.status >= 500) {
      logger.error({ code: "teams-request-failed", status: response.status }, "Teams request failed");
      return void res.status(response.status).json({ error: "internal error" });
    }
    res.status(response.status);
    if (response.body === undefined) res.end();
    else res.json(response.body);
  });
  router.use(path, (error: { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    res
      .status(error.status === 413 ? 413 : 400)
      .json({ error: error.status === 413 ? "request too large" : "malformed request" });
  });
}
