import { createInterface } from "node:readline";
import type { Address, Platform } from "../kernel/address.js";
import { instrumentById } from "../core/context.js";
import type { Logger, Messenger } from "../kernel/ports.js";
import type { Store } from "../core/store.js";
import { addHours } from "../kernel/time.js";
import { listSessions } from "../core/groups/index.js";
import { formatLocal } from "../kernel/time.js";
import { assemble } from "./assemble.js";
import type { Setup } from "../app/setup.js";
import { routeByPlatform } from "../app/messengers.js";
import { serialised } from "./serialised.js";
import { wakeEveryMinute } from "./wake-up.js";
import { ConsoleClock } from "../platforms/console/console-clock.js";
import { consoleHelp, ConsoleSession } from "../platforms/console/inbound/console-session.js";
import { personOf } from "../platforms/console/render/message.js";
import { SimulatedMembers } from "../platforms/console/inbound/simulated-members.js";

/** Where the console's clock starts: where it was left, CONSOLE_START, or four days before the first session. */
async function startingTime(store: Store, setup: Setup, consoleStart: Date | undefined): Promise<Date> {
  const saved = (await store.readOrganisation()).consoleClock;
  if (saved) return new Date(saved);
  if (consoleStart) return consoleStart;
  const firsts = setup.config.groups.flatMap((group) => listSessions(group, new Date(0)).map((s) => s.startsAt.getTime()));
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
  const sweep = serialised(async () => {
    const report = await bot.dispatcher.sweep();
    logger.info({ ...report }, "sweep");
  });
  const session = new ConsoleSession({
    ctx: bot.ctx,
    clock,
    interactions: bot.interactions,
    simulated: new SimulatedMembers(instrumentById(bot.ctx, "gcq-s")),
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
  const stopWaking = wakeEveryMinute(sweep);
  const lines = createInterface({ input: options.input, terminal: false });
  let quit = false;
  await new Promise<void>((resolve) => {
    let chain = Promise.resolve();
    lines.on("line", (line) => {
      chain = chain.then(async () => {
        if (quit) return;
        const result = await session.handleLine(line).catch((error: unknown) => {
          logger.error({ error: (error as Error).name }, "console line failed");
          write("Sorry, something went wrong on our side; the details are in the log.\n");
        });
        if (result === "quit") {
          quit = true;
          lines.close();
        }
      });
    });
    lines.on("close", () => void chain.then(resolve));
  });
  stopWaking();
  await sweep();
  await store.updateOrganisation((state) => {
    state.consoleClock = clock.now().toISOString();
  });
  write("Goodbye. Your data is saved; the console resumes from this moment next time.\n");
}
