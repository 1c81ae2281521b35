import type { Address, Platform } from "../kernel/address.js";
import { climateInstrument } from "../core/context.js";
import type { Logger, Messenger } from "../kernel/ports.js";
import type { Store } from "../core/store.js";
import { addHours, formatLocal } from "../kernel/time.js";
import { listSessions } from "../core/groups/index.js";
import { assemble } from "./assemble.js";
import type { Setup } from "../app/setup.js";
import { routeByPlatform } from "../app/messengers.js";
import { serialised } from "./serialised.js";
import { wakeEveryMinute } from "./wake-up.js";
import { retentionOnNewDay } from "./daily-retention.js";
import { ConsoleClock } from "../platforms/console/console-clock.js";
import { ConsoleSession } from "../platforms/console/inbound/console-session.js";
import { consoleHelp } from "../platforms/console/render/help.js";
import { personOf } from "../platforms/console/render/message.js";
import { converse } from "../platforms/console/console-platform.js";
import { SimulatedMembers } from "../platforms/console/inbound/simulated-members.js";

/** Where the console's clock starts: where it was left, CONSOLE_START, or four days before the first session. */
async function startingTime(store: Store, setup: Setup, consoleStart: Date | undefined): Promise<Date> {
  const saved = (await store.readOrganisation()).consoleClock;
  if (saved) return new Date(saved);
  if (consoleStart) return consoleStart;
  const firsts = setup.config.groups.flatMap((group) =>
    listSessions(group, new Date(0)).map((s) => s.startsAt.getTime()),
  );
  return addHours(new Date(Math.min(...firsts)), -4 * 24);
}

/** Runs Cohesion in the terminal until stdin closes or the person types /quit. */
export async function runConsole(options: {
  setup: Setup;
  store: Store;
  logger: Logger;
  consoleStart: Date | undefined;
  input: NodeJS.ReadableStream;
  write: (text: string) => void;
  /** Where exports asked for in the console are saved (DATA_DIR/exports). */
  exportsDir: string;
}): Promise<void> {
  const { setup, store, logger, write } = options;
  const clock = new ConsoleClock(await startingTime(store, setup, options.consoleStart));
  const platforms = new Map<Platform, Messenger>();
  const bot = assemble({ ...setup, store, clock, logger, messenger: routeByPlatform(platforms) });
  const retention = retentionOnNewDay(bot.ctx);
  const sweep = serialised(async () => {
    await retention();
    const report = await bot.dispatcher.sweep();
    logger.info({ ...report }, "sweep");
  });
  const session = new ConsoleSession({
    ctx: bot.ctx,
    clock,
    interactions: bot.interactions,
    simulated: new SimulatedMembers(climateInstrument(bot.ctx)),
    sweep,
    write,
    exportsDir: options.exportsDir,
  });
  platforms.set("console", session);
  const first = setup.config.groups[0];
  const persona: Address | undefined = first?.members[0];
  write(
    `Cohesion · local console · ${setup.config.organisation.name}\n` +
      `Configuration: ${setup.file}\n` +
      `Simulated time: ${formatLocal(clock.now(), first?.timezone ?? "UTC", "day-time")}. You are ${persona ? personOf(persona) : "nobody yet"} (member).\n` +
      `${consoleHelp}\n`,
  );
  await sweep();
  const stopWaking = wakeEveryMinute(sweep, logger);
  await converse({ session, input: options.input, write, logger });
  stopWaking();
  await sweep();
  await store.updateOrganisation((state) => {
    state.consoleClock = clock.now().toISOString();
  });
  write("Goodbye. Your data is saved; the console resumes from this moment next time.\n");
}
