import { tmpdir } from "node:os";
import { join } from "node:path";
import { assemble } from "../../../src/main/assemble.js";
import { routeByPlatform } from "../../../src/app/messengers.js";
import type { Platform } from "../../../src/kernel/address.js";
import { instrumentById } from "../../../src/core/context.js";
import type { Messenger } from "../../../src/kernel/ports.js";
import type { CohesionConfig } from "../../../src/core/setup/index.js";
import { ConsoleClock } from "../../../src/platforms/console/console-clock.js";
import { ConsoleSession } from "../../../src/platforms/console/inbound/console-session.js";
import { SimulatedMembers } from "../../../src/platforms/console/inbound/simulated-members.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { exampleConfig, exampleContent } from "../../support/example-setup.js";
import { RecordingChartRenderer, RecordingLogger } from "../../support/fakes.js";

/** A console session on the demo organisation at `start`, frozen in time; `type` returns what the lines printed. */
export function consoleAt(
  start: string,
  exportsDir = join(tmpdir(), "cohesion-console-exports-unused"),
  config: CohesionConfig = exampleConfig(),
) {
  const clock = new ConsoleClock(new Date(start), () => 0);
  const store = new MemoryStore();
  const output: string[] = [];
  const platforms = new Map<Platform, Messenger>();
  const bot = assemble({
    config,
    content: exampleContent,
    store,
    clock,
    logger: new RecordingLogger(),
    messenger: routeByPlatform(platforms),
    charts: new RecordingChartRenderer(),
  });
  const session = new ConsoleSession({
    ctx: bot.ctx,
    clock,
    interactions: bot.interactions,
    simulated: new SimulatedMembers(instrumentById(bot.ctx, "gcq-s")),
    sweep: async () => void (await bot.dispatcher.sweep()),
    write: (text) => output.push(text),
    exportsDir,
  });
  platforms.set("console", session);
  const type = async (...lines: string[]) => {
    output.length = 0;
    for (const line of lines) await session.handleLine(line);
    return output.join("");
  };
  return { type, clock, store };
}
