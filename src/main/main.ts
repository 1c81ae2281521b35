import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { pino } from "pino";
import { StartupError } from "../kernel/errors.js";
import type { Store } from "../core/store.js";
import { DocumentCipher } from "../store/document-cipher.js";
import { openFileStore } from "../store/file-store.js";
import { openPostgresStore } from "../store/postgres/postgres-store.js";
import { runConsole } from "./run-console.js";
import { acknowledgedAuditBreaks, chosenPlatforms, dataEncryption, readEnv } from "./config.js";
import { auditChainGuard } from "./audit-chain-guard.js";
import { type Env } from "../app/settings.js";
import { loadSetup } from "./load-setup.js";
import { createLogger } from "./logger.js";
import { fileSystemProblem } from "./file-system-problem.js";
import { startChat } from "./run-chat.js";

/**
 * Opens the PostgreSQL store when DATABASE_URL is set, else the file store in DATA_DIR (either encrypted, with
 * pseudonyms, when a key is set), verifying each audit chain.
 */
async function openStore(env: Env): Promise<{ store: Store; encrypted: boolean }> {
  const keys = dataEncryption(env);
  const cipher = keys && new DocumentCipher(keys.key, keys.previousKeys);
  const checkGroup = auditChainGuard(acknowledgedAuditBreaks(env));
  const store = env.DATABASE_URL
    ? await openPostgresStore(env.DATABASE_URL, { cipher, checkGroup })
    : await openFileStore(env.DATA_DIR, { cipher, checkGroup });
  return { store, encrypted: cipher !== undefined };
}

/** Runs the chat platforms until SIGINT or SIGTERM, logging to stdout. */
async function runChatUntilStopped(env: Env): Promise<void> {
  const setup = loadSetup(env, false);
  const { store, encrypted } = await openStore(env);
  const logger = createLogger(env.LOG_LEVEL);
  if (!encrypted) logger.warn({}, "stored data is not encrypted: set DATA_ENCRYPTION_KEY (README, Encryption at rest)");
  try {
    const chat = await startChat({ env, setup, store, clock: { now: () => new Date() }, logger });
    logger.info({ platforms: chat.platforms.map((p) => p.name), url: chat.url }, "Cohesion is running");
    await chat.sweep();
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    logger.info({}, "stopping");
    await chat.stop();
  } finally {
    await store.close();
  }
}

/** Runs the local console on the embedded store, logging to a file beside the data. */
async function runConsoleUntilQuit(env: Env): Promise<void> {
  const setup = loadSetup(env, true);
  const { store } = await openStore(env);
  // With the PostgreSQL store nothing else has made DATA_DIR, which still holds the log and exports.
  await mkdir(env.DATA_DIR, { recursive: true, mode: 0o700 });
  // The terminal belongs to the conversation, so the console logs to a file beside the data.
  const logger = createLogger(
    env.LOG_LEVEL,
    pino.destination({ dest: join(env.DATA_DIR, "cohesion.log"), sync: true }),
  );
  try {
    const exportsDir = join(env.DATA_DIR, "exports");
    await runConsole({
      setup,
      store,
      logger,
      consoleStart: env.CONSOLE_START,
      input: process.stdin,
      write: (text) => process.stdout.write(text),
      exportsDir,
    });
  } finally {
    await store.close();
  }
}

/** Starts Cohesion: on the chat platforms its credentials choose, else in the local console. */
async function main(): Promise<void> {
  const env = readEnv();
  if (chosenPlatforms(env).includes("console")) await runConsoleUntilQuit(env);
  else await runChatUntilStopped(env);
}

main().catch((error: unknown) => {
  const refusal = error instanceof StartupError ? error : fileSystemProblem(error);
  if (refusal) {
    process.stderr.write(`Cohesion cannot start:\n${refusal.message}\n`);
    process.exit(1);
  }
  throw error;
});
