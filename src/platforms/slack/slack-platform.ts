import { App, SocketModeReceiver, type webApi } from "@slack/bolt";
import express from "express";
import type { ChatPlatform, ChatPlatformFactory, PlatformHealth } from "../../app/chat-platform.js";
import type { Logger } from "../../kernel/ports.js";
import type { Env } from "../../app/settings.js";
import { StartupError } from "../../kernel/errors.js";
import { registerListeners } from "./inbound/listeners.js";
import { logFailure } from "./inbound/listener-deps.js";
import { PacedSlackApi, slackPacing, type PacerTime, type Pacing } from "./deliver/pacing.js";
import { CheckedExpressReceiver } from "./inbound/checked-receiver.js";
import { RecentKeys } from "./inbound/recent-keys.js";
import { createSeenEvents, createSeenRequests, eventRetryWindowMs } from "./inbound/seen-requests.js";
import { rejectFutureTimestamps } from "./inbound/request-guards.js";
import { sdkLogger } from "./sdk-logger.js";
import { SlackMessenger } from "./deliver/messenger.js";

/** Where Slack delivers events, slash commands and interactivity over HTTP. */
export const slackEventsPath = "/slack/events";

/** The largest request body Cohesion reads from Slack (a click echoes its whole message, at most about 450 KB). */
export const slackBodyLimit = "1mb";

/** Timings of the Slack platform; tests shrink them. */
export interface SlackTuning {
  readonly pacing: Pacing;
  /** Where the pacer's time comes from; real time unless a test replaces it. */
  readonly pacerTime?: PacerTime;
  /** How long a slash command may take before Slack is answered "one moment" (Slack allows 3 seconds). */
  readonly commandAckMs: number;
  /** How long a repeated click on the same button is ignored. */
  readonly doubleClickMs: number;
  /** How long one Web API request may take before its outcome is treated as unknown. */
  readonly requestTimeoutMs: number;
  /** How long a ping over Socket Mode may go unanswered; also the step by which reconnection waits grow. */
  readonly socketPingTimeoutMs: number;
}

/** Slack's own timings. */
export const slackTuning: SlackTuning = {
  pacing: slackPacing,
  commandAckMs: 2500,
  doubleClickMs: 10_000,
  requestTimeoutMs: 10_000,
  socketPingTimeoutMs: 5000,
};

function apiUrl(env: Env): string | undefined {
  if (env.SLACK_API_URL === undefined) return undefined;
  if (!URL.canParse(env.SLACK_API_URL))
    throw new StartupError("environment variable SLACK_API_URL: expected a URL such as https://slack.com/api/");
  return env.SLACK_API_URL.endsWith("/") ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`;
}

function startupError(error: unknown, what: string): StartupError {
  const slackError = (error as { data?: { error?: unknown } }).data?.error;
  if (typeof slackError === "string")
    return new StartupError(`Slack did not accept ${what} (${slackError}). Check it in your Slack app's settings.`);
  return new StartupError(`Cohesion could not reach Slack to check ${what}. Check the network and SLACK_API_URL.`);
}

/** Follows the Socket Mode connection from the client's own events, logging each change by code. */
function watchSocket(receiver: SocketModeReceiver, logger: Logger): { health: PlatformHealth; stopping: boolean } {
  const watched = { health: { ok: false, detail: "socket-connecting" }, stopping: false };
  const become = (ok: boolean) => {
    if (watched.stopping || watched.health.ok === ok) return;
    watched.health = { ok, detail: ok ? "socket-connected" : "socket-disconnected" };
    if (ok) logger.info({ code: "slack-socket-connected" }, "Slack Socket Mode connected");
    else logger.warn({ code: "slack-socket-disconnected" }, "Slack Socket Mode disconnected");
  };
  receiver.client.on("connected", () => become(true));
  for (const event of ["close", "reconnecting", "disconnected"]) receiver.client.on(event, () => become(false));
  return watched;
}

/** A Slack platform factory with the given timings. SLACK_APP_TOKEN chooses Socket Mode, else HTTP with the signing secret. */
export function slackPlatformFactory(tuning: SlackTuning = slackTuning): ChatPlatformFactory {
  return (env, { store, clock, logger }) => {
    const token = env.SLACK_BOT_TOKEN;
    if (!token) throw new StartupError("Slack credentials are incomplete: missing SLACK_BOT_TOKEN");
    const socketMode = env.SLACK_APP_TOKEN !== undefined;
    if (!socketMode && !env.SLACK_SIGNING_SECRET)
      throw new StartupError(
        "Slack credentials are incomplete: missing SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (socket mode)",
      );
    const boltLogger = sdkLogger(logger);
    const slackApiUrl = apiUrl(env);
    // No retries inside the client: a retry after a lost response could post twice. Our queue retries only what Slack refused.
    const clientOptions: webApi.WebClientOptions = {
      ...(slackApiUrl ? { slackApiUrl } : {}),
      retryConfig: { retries: 0 },
      timeout: tuning.requestTimeoutMs,
      rejectRateLimitedCalls: true,
      allowAbsoluteUrls: false,
      logger: boltLogger,
    };
    const slackRouter = express.Router();
    slackRouter.post(slackEventsPath, rejectFutureTimestamps());
    const receiver = socketMode
      ? undefined
      : new CheckedExpressReceiver(
          {
            signingSecret: env.SLACK_SIGNING_SECRET ?? "",
            endpoints: slackEventsPath,
            router: slackRouter,
            bodyLimit: slackBodyLimit,
            logger: boltLogger,
          },
          logger,
          createSeenRequests(store, clock),
        );
    const socket = socketMode
      ? new SocketModeReceiver({
          appToken: env.SLACK_APP_TOKEN ?? "",
          logger: boltLogger,
          clientPingTimeout: tuning.socketPingTimeoutMs,
          installerOptions: { clientOptions },
        })
      : undefined;
    const connection = socket ? watchSocket(socket, logger) : undefined;
    let ready = false;
    const app = new App({
      token,
      ...(socket ? { socketMode: true, receiver: socket } : { receiver }),
      clientOptions,
      logger: boltLogger,
      convoStore: false,
      deferInitialization: true,
    });
    const api = new PacedSlackApi(app.client, tuning.pacing, tuning.pacerTime);
    const messenger = new SlackMessenger(api, logger);
    const platform: ChatPlatform = {
      name: "slack",
      messenger,
      loopbackOnly: false,
      health() {
        if (connection) return connection.health;
        return ready ? { ok: true, detail: "http-ready" } : { ok: false, detail: "starting" };
      },
      async start(bot, router) {
        await app.init().catch((error: unknown) => {
          throw startupError(error, "SLACK_BOT_TOKEN");
        });
        const deps = {
          bot,
          messenger,
          logger,
          clicks: new RecentKeys(tuning.doubleClickMs),
          events: new RecentKeys(eventRetryWindowMs),
          seenEvents: createSeenEvents(store, clock),
          commandAckMs: tuning.commandAckMs,
        };
        registerListeners(app, deps);
        app.error(async (error) => logFailure(deps, "bolt", error));
        if (socketMode)
          await app.start().catch((error: unknown) => {
            throw startupError(error, "SLACK_APP_TOKEN");
          });
        else router.use(slackRouter);
        ready = true;
        logger.info({ mode: socketMode ? "socket" : "http" }, "Slack ready");
      },
      async stop() {
        if (connection) connection.stopping = true;
        if (socketMode) await app.stop();
        await api.drain();
      },
    };
    return platform;
  };
}

/** Cohesion on Slack, with Slack's own timings. */
export const createSlackPlatform: ChatPlatformFactory = slackPlatformFactory();
