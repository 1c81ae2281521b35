import type { Platform } from "../kernel/address.js";
import { StartupError } from "../kernel/errors.js";
import type { Clock, Logger, Messenger } from "../kernel/ports.js";
import type { Store } from "../core/store.js";
import { assemble } from "./assemble.js";
import { type Cohesion } from "../app/cohesion.js";
import type { ChatPlatform, ChatPlatformFactory } from "../app/chat-platform.js";
import { chatPlatformFactories } from "./chat-platforms.js";
import { chosenPlatforms } from "./config.js";
import { type Env } from "../app/settings.js";
import { createHttpHost } from "./http-host.js";
import type { Setup } from "../app/setup.js";
import { routeByPlatform } from "../app/messengers.js";
import { serialised } from "./serialised.js";
import { wakeEveryMinute } from "./wake-up.js";
import { retainDaily } from "./daily-retention.js";
import { SweepRecord } from "../app/sweep-record.js";
import { livenessOf } from "../app/liveness.js";
import { createTroubleWatch } from "../app/delivery-trouble.js";
import { createOperatorNotices } from "../app/operator-notices.js";

/** Cohesion running on its chat platforms. */
export interface RunningChat {
  readonly bot: Cohesion;
  readonly platforms: readonly ChatPlatform[];
  /** The shared HTTP server's base URL: GET /healthz always, and the routes of platforms that receive over HTTP. */
  readonly url: string;
  /** Runs one outbox sweep now (serialised with the minute-by-minute ones). */
  sweep(): Promise<void>;
  /** Looks for delivery trouble now, as every minute, telling the operators of trouble or recovery once. */
  lookForTrouble(): Promise<void>;
  /** Stops receiving, finishes the sweep in progress and closes the HTTP server (not the store). */
  stop(): Promise<void>;
}

/** Starts every platform the environment's credentials choose, on one store, one clock and one HTTP server. */
export async function startChat(options: {
  env: Env;
  setup: Setup;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Listen here instead of every interface (tests use 127.0.0.1). */
  host?: string;
  /** Wake the outbox every minute (off in tests, which sweep by hand). */
  wakeEveryMinute?: boolean;
  factories?: Partial<Record<"slack" | "teams", ChatPlatformFactory>>;
}): Promise<RunningChat> {
  const { env, setup, store, clock, logger } = options;
  const factories = options.factories ?? chatPlatformFactories;
  const names = chosenPlatforms(env).filter((name): name is "slack" | "teams" => name !== "console");
  if (names.length === 0)
    throw new StartupError("No chat credentials are set: Cohesion would run in the local console instead.");
  const platforms = names.map((name) => {
    const factory = factories[name];
    if (!factory) throw new StartupError(`This build of Cohesion cannot run on ${name} yet.`);
    return factory(env, { setup, store, clock, logger });
  });
  const messengers = new Map<Platform, Messenger>(platforms.map((platform) => [platform.name, platform.messenger]));
  const messenger = routeByPlatform(messengers);
  const bot = assemble({ ...setup, store, clock, logger, messenger });
  const sweeps = new SweepRecord(clock.now());
  const sweep = serialised(async () => {
    const report = await bot.dispatcher.sweep();
    sweeps.finished(report, clock.now());
    if (report.sent + report.failed + report.retrying + report.expired + report.groupErrors > 0)
      logger.info({ ...report }, "sweep");
  });
  const watch = createTroubleWatch(platforms, sweeps);
  const { operators } = setup.config.organisation;
  const lookForTrouble = serialised(createOperatorNotices({ operators, messenger, watch, clock, logger }));
  const http = createHttpHost(() => livenessOf(platforms, sweeps, clock.now()));
  for (const platform of platforms) await platform.start(bot, http.router);
  const loopbackOnly = platforms.some((platform) => platform.loopbackOnly);
  const url = await http.listen(env.PORT, loopbackOnly ? "127.0.0.1" : options.host);
  const waking = options.wakeEveryMinute !== false;
  const stopWaking = waking ? wakeEveryMinute(sweep, logger) : () => undefined;
  // A separate wake-up, so that a sweep that never finishes is still noticed.
  const stopLooking = waking ? wakeEveryMinute(lookForTrouble, logger) : () => undefined;
  const stopRetention = waking ? await retainDaily(bot.ctx) : () => undefined;
  return {
    bot,
    platforms,
    url,
    sweep,
    lookForTrouble,
    async stop() {
      stopWaking();
      stopLooking();
      stopRetention();
      await http.close();
      await sweep();
      for (const platform of platforms) await platform.stop();
    },
  };
}
