import { TeamsAdapter } from "@microsoft/teams-ai";
import type { Activity, ConfigurationBotFrameworkAuthenticationOptions, InvokeResponse, TurnContext } from "botbuilder";
import express, { type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import type { ChatPlatform, ChatPlatformFactory } from "../../app/chat-platform.js";
import { StartupError } from "../../kernel/errors.js";
import { type TokenSource, createBotConnector } from "./deliver/bot-connector.js";
import { createConversationLimiter, realTimer, type Timer } from "./deliver/pacing.js";
import { createReferenceBook } from "./deliver/conversation-references.js";
import { createFileConsent } from "./deliver/file-consent.js";
import { createOutbound } from "./deliver/outbound.js";
import { createPendingFiles } from "./deliver/pending-files.js";
import { createTeamsMessenger } from "./deliver/messenger.js";
import { appTokens, noTokens } from "./deliver/token-source.js";
import { plausibleBearer } from "./inbound/bearer-token.js";
import { createRememberedActivities } from "./inbound/remembered-activities.js";
import { createTurnHandler } from "./inbound/turn-handler.js";

/** Where Teams posts activities, on the shared HTTP server. */
export const teamsEndpoint = "/api/messages";

// The Bot Framework checks the token before our own schema reads the activity, so only the shape it needs is checked first.
const inboundBody = z.looseObject({ type: z.string().min(1) });

/** Whether the Bot Framework refused the request's token (as opposed to failing to check it, which Teams should retry). */
function isRefusedToken(error: unknown): boolean {
  const { statusCode, name } = error as { statusCode?: unknown; name?: unknown };
  return (
    statusCode === 401 || name === "JsonWebTokenError" || name === "TokenExpiredError" || name === "NotBeforeError"
  );
}

/** The Teams adapter, letting Cohesion answer HTTP itself so that refusals are logged as codes, never as stack traces. */
class CohesionTeamsAdapter extends TeamsAdapter {
  /** Authenticates an activity and runs `logic` for it; resolves with the invoke response, if any. */
  handle(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/** What tests (and only tests) replace: time, randomness, outbound tokens, HTTP, and the Bot Framework's sign-in endpoints. */
export interface TeamsPlatformOptions {
  readonly timer?: Timer;
  readonly random?: () => number;
  readonly tokens?: TokenSource;
  readonly fetch?: typeof fetch;
  readonly authentication?: ConfigurationBotFrameworkAuthenticationOptions;
}

/** A Teams platform factory with some parts replaced. */
export function createTeamsPlatformWith(options: TeamsPlatformOptions): ChatPlatformFactory {
  return (env, { store, clock, logger }): ChatPlatform => {
    const unauthenticated = !env.MICROSOFT_APP_ID;
    if (unauthenticated && env.TEAMS_ALLOW_UNAUTHENTICATED !== "true")
      throw new StartupError(
        "Teams needs MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD from its Azure bot registration. Only for local tools (Teams App Test Tool, Bot Framework Emulator) may it run without them, with TEAMS_ALLOW_UNAUTHENTICATED=true.",
      );
    const adapter = new CohesionTeamsAdapter(
      unauthenticated
        ? {}
        : {
            MicrosoftAppId: env.MICROSOFT_APP_ID,
            MicrosoftAppPassword: env.MICROSOFT_APP_PASSWORD,
            MicrosoftAppType: env.MICROSOFT_APP_TYPE ?? "MultiTenant",
            MicrosoftAppTenantId: env.MICROSOFT_APP_TENANT_ID,
            ...options.authentication,
          },
    );
    const timer = options.timer ?? realTimer;
    const tokens = options.tokens ?? (unauthenticated ? noTokens : appTokens(adapter.credentialsFactory, env));
    const fetchImpl = options.fetch ?? fetch;
    const outbound = createOutbound(
      createBotConnector(tokens, fetchImpl),
      createConversationLimiter(timer),
      timer,
      options.random ?? Math.random,
    );
    const book = createReferenceBook(store, clock, logger);
    const pendingFiles = createPendingFiles(clock);
    const messenger = createTeamsMessenger(book, outbound, pendingFiles);
    return {
      name: "teams",
      messenger,
      usesHttp: true,
      loopbackOnly: unauthenticated,
      async start(bot, router) {
        if (unauthenticated)
          logger.warn(
            { code: "teams-unauthenticated" },
            "TEAMS IS RUNNING WITHOUT AUTHENTICATION (TEAMS_ALLOW_UNAUTHENTICATED=true): anyone who can reach this port can act as any user. Listening on 127.0.0.1 only; never use this mode with real members.",
          );
        const onTurn = createTurnHandler({
          bot,
          book,
          outbound,
          messenger,
          fileConsent: createFileConsent(pendingFiles, outbound, logger, fetchImpl),
          logger,
          remembered: createRememberedActivities(store, clock, logger),
        });
        router.post(teamsEndpoint, express.json({ limit: "256kb" }), async (req: Request, res: Response) => {
          const activity = inboundBody.safeParse(req.body);
          if (!activity.success) return void res.status(400).json({ error: "malformed request" });
          const authorization = req.headers.authorization ?? "";
          if (!unauthenticated && !plausibleBearer(authorization)) {
            logger.warn({ code: "teams-request-unauthorized", error: "implausible-token" }, "Teams request refused");
            return void res.status(401).json({ error: "unauthorized" });
          }
          try {
            const response = await adapter.handle(authorization, activity.data as unknown as Activity, onTurn);
            res.status(response?.status ?? 200);
            if (response?.body === undefined) res.end();
            else res.json(response.body);
          } catch (error) {
            const unauthorized = isRefusedToken(error);
            logger[unauthorized ? "warn" : "error"](
              {
                code: unauthorized ? "teams-request-unauthorized" : "teams-request-failed",
                error: (error as Error).name,
              },
              "Teams request refused",
            );
            if (!res.headersSent)
              res.status(unauthorized ? 401 : 500).json({ error: unauthorized ? "unauthorized" : "internal error" });
          }
        });
        router.use(teamsEndpoint, (error: { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
          res
            .status(error.status === 413 ? 413 : 400)
            .json({ error: error.status === 413 ? "request too large" : "malformed request" });
        });
      },
      async stop() {},
    };
  };
}

/** Cohesion on Microsoft Teams: the Bot Framework endpoint at POST /api/messages, and proactive cards. */
export const createTeamsPlatform: ChatPlatformFactory = createTeamsPlatformWith({});
