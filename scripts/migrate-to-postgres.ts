// Moves the data in DATA_DIR into the PostgreSQL database at DATABASE_URL, both opened with DATA_ENCRYPTION_KEY as
// Cohesion opens them, then reads the copy back: `npm run migrate-to-postgres` (README: PostgreSQL). Cohesion must be
// stopped; the data directory is left in place.
import { existsSync } from "node:fs";
import { acknowledgedAuditBreaks, dataEncryption, readEnv } from "../src/main/config.js";
import { auditChainGuard } from "../src/main/audit-chain-guard.js";
import { StartupError } from "../src/kernel/errors.js";
import { DocumentCipher } from "../src/store/document-cipher.js";
import { describeCounts } from "../src/store/document-counts.js";
import { moveToPostgres } from "../src/store/postgres/move-to-postgres.js";

async function main(): Promise<void> {
  const env = readEnv();
  if (!env.DATABASE_URL) throw new StartupError("Set DATABASE_URL to the PostgreSQL database to move the data into.");
  if (!existsSync(env.DATA_DIR)) throw new StartupError(`${env.DATA_DIR} does not exist: there is no data to move.`);
  const keys = dataEncryption(env);
  const cipher = keys && new DocumentCipher(keys.key, keys.previousKeys);
  const acknowledged = acknowledgedAuditBreaks(env);
  const moved = await moveToPostgres({
    dataDir: env.DATA_DIR,
    url: env.DATABASE_URL,
    cipher,
    checkGroup: auditChainGuard(acknowledged),
    acknowledged,
  });
  process.stdout.write(
    `Moved the organisation and ${moved.size} groups into PostgreSQL, and read them back:\n` +
      describeCounts(moved)
        .map((line) => `  ${line}\n`)
        .join("") +
      "Every count matches the data directory and every audit log holds. Start Cohesion with DATABASE_URL set; " +
      `${env.DATA_DIR} is no longer used, so keep it only as a backup.\n`,
  );
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Cannot move the data into PostgreSQL:\n${message}\n`);
  process.exit(1);
});
