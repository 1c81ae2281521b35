import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { StartupError } from "../core/errors.js";
import { openFileStore } from "../store/file-store.js";
import { runConsole } from "../platforms/console/run-console.js";
import { chosenPlatforms, readEnv } from "./config.js";
import { loadSetup } from "./load-setup.js";
import { createLogger } from "./logger.js";

/** Starts Cohesion: with no chat credentials, in the local console on the embedded store. */
async function main(): Promise<void> {
  const env = readEnv();
  const platforms = chosenPlatforms(env);
  if (platforms.some((platform) => platform !== "console"))
    throw new StartupError(
      `Chat credentials are set for ${platforms.join(" and ")}, but this version of Cohesion runs in the local console only. Unset the SLACK_* and MICROSOFT_* variables to use it.`,
    );
  const setup = loadSetup(env, true);
  mkdirSync(env.DATA_DIR, { recursive: true });
  const store = await openFileStore(env.DATA_DIR);
  // The terminal belongs to the conversation, so the console logs to a file beside the data.
  const logger = createLogger(env.LOG_LEVEL, pino.destination({ dest: join(env.DATA_DIR, "cohesion.log"), sync: true }));
  try {
    await runConsole({ setup, store, logger, consoleStart: env.CONSOLE_START, input: process.stdin, write: (text) => process.stdout.write(text) });
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    process.stderr.write(`Cohesion cannot start:\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
});
