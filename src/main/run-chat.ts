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

/** Cohesion running on its chat platforms. */
export interface RunningChat {
  readonly bot: Cohesion;
  readonly platforms: readonly ChatPlatform[];
  /** The shared HTTP server's base URL, when a platform receives over HTTP. */
  readonly url: string | undefined;
  /** Runs one outbox sweep now (serialised with the minute-by-minute ones). */
  sweep(): Promise<void>;
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
  const bot = assemble({ ...setup, store, clock, logger, messenger: routeByPlatform(messengers) });
  const sweep = serialised(async () => {
    const report = await bot.dispatcher.sweep();
    if (report.sent + report.failed + report.retrying + report.expired + report.groupErrors > 0)
      logger.info({ ...report }, "sweep");
  });
  const http = createHttpHost();
  for (const platform of platforms) await platform.start(bot, http.router);
  const loopbackOnly = platforms.some((platform) => platform.loopbackOnly);
  const url = platforms.some((platform) => platform.usesHttp)
    ? await http.listen(env.PORT, loopbackOnly ? "127.0.0.1" : options.host)
    : undefined;
  const stopWaking = options.wakeEveryMinute === false ? () => undefined : wakeEveryMinute(sweep, logger);
  const stopRetention = options.wakeEveryMinute === false ? () => undefined : await retainDaily(bot.ctx);
  return {
    bot,
    platforms,
    url,
    sweep,
    async stop() {
      stopWaking();
      stopRetention();
      await http.close();
      await sweep();
      for (const platform of platforms) await platform.stop();
    },
  };
}
