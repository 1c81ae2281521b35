import { PUBLIC, type CloudEnvironment } from "@microsoft/teams.api";
import type { ChatPlatform, ChatPlatformFactory, PlatformHealth } from "../../app/chat-platform.js";
import { cachedProbe } from "../../app/cached-probe.js";
import { StartupError } from "../../kernel/errors.js";
import { type TokenSource, createBotConnector } from "./deliver/bot-connector.js";
import { createConversationLimiter, realTimer, type Timer } from "./deliver/pacing.js";
import { createReferenceBook } from "./deliver/conversation-references.js";
import { createFileConsent } from "./deliver/file-consent.js";
import { createOutbound } from "./deliver/outbound.js";
import { createPendingFiles } from "./deliver/pending-files.js";
import { createTeamsMessenger } from "./deliver/messenger.js";
import { appTokens, noTokens } from "./deliver/token-source.js";
import { createRememberedActivities } from "./inbound/remembered-activities.js";
import { addMessagesRoute } from "./inbound/messages-route.js";
import { createPublishedKeys } from "./inbound/published-keys.js";
import { createTurnHandler } from "./inbound/turn-handler.js";
import { createTeamsSdk } from "./teams-sdk.js";

/** Where Teams posts activities, on the shared HTTP server. */
export const teamsEndpoint = "/api/messages";

/** How often, at most, Cohesion asks for a token only to know it still can (deliveries ask when they need one). */
export const tokenCheckMinutes = 5;

/** What tests (and only tests) replace: time, randomness, outbound tokens, HTTP, and the cloud's sign-in endpoints. */
export interface TeamsPlatformOptions {
  readonly timer?: Timer;
  readonly random?: () => number;
  readonly tokens?: TokenSource;
  readonly fetch?: typeof fetch;
  readonly cloud?: CloudEnvironment;
}

/** A Teams platform factory with some parts replaced. */
export function createTeamsPlatformWith(options: TeamsPlatformOptions): ChatPlatformFactory {
  return (env, { store, clock, logger }): ChatPlatform => {
    const unauthenticated = !env.MICROSOFT_APP_ID;
    if (unauthenticated && env.TEAMS_ALLOW_UNAUTHENTICATED !== "true")
      throw new StartupError(
        "Teams needs MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD from its Azure bot registration. Only for local tools (Microsoft 365 Agents Playground) may it run without them, with TEAMS_ALLOW_UNAUTHENTICATED=true.",
      );
    const cloud = options.cloud ?? PUBLIC;
    const sdk = createTeamsSdk(env, cloud);
    const timer = options.timer ?? realTimer;
    const fetchImpl = options.fetch ?? fetch;
    const signIn = options.tokens ?? (unauthenticated ? noTokens : appTokens(sdk.app.tokenProvider));
    // Every token a delivery asks for counts too, so the check itself rarely has to run.
    const tokenProbe = cachedProbe(clock, tokenCheckMinutes, () => signIn.token());
    const tokens: TokenSource = { token: () => tokenProbe.watch(signIn.token()) };
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
      loopbackOnly: unauthenticated,
      health(): PlatformHealth {
        if (unauthenticated) return { ok: true, detail: "no-authentication" };
        const obtained = tokenProbe.lastOutcome();
        if (obtained === undefined) return { ok: false, detail: "token-unchecked" };
        return obtained ? { ok: true, detail: "token-obtained" } : { ok: false, detail: "token-not-obtained" };
      },
      async start(bot, router) {
        if (unauthenticated)
          logger.warn(
            { code: "teams-unauthenticated" },
            "TEAMS IS RUNNING WITHOUT AUTHENTICATION (TEAMS_ALLOW_UNAUTHENTICATED=true): anyone who can reach this port can act as any user. Listening on 127.0.0.1 only; never use this mode with real members.",
          );
        else {
          await tokenProbe.check();
          if (!tokenProbe.lastOutcome())
            logger.warn({ code: "teams-token-not-obtained" }, "Cohesion could not get a token to send on Teams");
        }
        const onTurn = createTurnHandler({
          bot,
          book,
          outbound,
          messenger,
          fileConsent: createFileConsent(pendingFiles, outbound, logger, fetchImpl),
          logger,
          remembered: createRememberedActivities(store, clock, logger),
        });
        addMessagesRoute(router, {
          path: teamsEndpoint,
          sdkHandler: await sdk.messagesHandler(onTurn),
          publishedKeys: unauthenticated ? undefined : createPublishedKeys(cloud.openIdMetadataUrl, timer, fetchImpl),
          logger,
        });
      },
      async stop() {},
    };
  };
}

/** Cohesion on Microsoft Teams through the Teams SDK: the messaging endpoint at POST /api/messages, and proactive cards. */
export const createTeamsPlatform: ChatPlatformFactory = createTeamsPlatformWith({});
