import { TeamsAdapter } from "@microsoft/teams-ai";
import type { ConfigurationBotFrameworkAuthenticationOptions } from "botbuilder";
import express, { type NextFunction, type Request, type Response } from "express";
import type { ChatPlatform, ChatPlatformFactory } from "../../app/chat-platform.js";
import { StartupError } from "../../core/errors.js";
import type { TokenSource } from "./bot-connector.js";
import { createBotConnector } from "./bot-connector.js";
import { createConversationLimiter, realTimer, type Timer } from "./conversation-limiter.js";
import { createReferenceBook } from "./conversation-references.js";
import { createFileConsent } from "./file-consent.js";
import { createOutbound } from "./outbound.js";
import { createPendingFiles } from "./pending-files.js";
import { createTeamsMessenger } from "./teams-messenger.js";
import { appTokens, noTokens } from "./token-source.js";
import { createTurnHandler } from "./turn-handler.js";

/** Where Teams posts activities, on the shared HTTP server. */
export const teamsEndpoint = "/api/messages";

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
    const adapter = new TeamsAdapter(
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
    const outbound = createOutbound(createBotConnector(tokens, fetchImpl), createConversationLimiter(timer), timer, options.random ?? Math.random);
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
        const onTurn = createTurnHandler({ bot, book, outbound, messenger, fileConsent: createFileConsent(pendingFiles, outbound, logger, fetchImpl), logger });
        router.post(teamsEndpoint, express.json({ limit: "256kb" }), (req: Request, res: Response) => {
          adapter.process(req, res, onTurn).catch(() => {
            logger.error({ code: "teams-request-failed" }, "Teams request failed");
            if (!res.headersSent) res.status(500).end();
          });
        });
        router.use(teamsEndpoint, (error: { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
          res.status(error.status === 413 ? 413 : 400).json({ error: error.status === 413 ? "request too large" : "malformed request" });
        });
      },
      async stop() {},
    };
  };
}

/** Cohesion on Microsoft Teams: the Bot Framework endpoint at POST /api/messages, and proactive cards. */
export const createTeamsPlatform: ChatPlatformFactory = createTeamsPlatformWith({});
