// Re-encrypts every document in DATA_DIR, or in PostgreSQL when DATABASE_URL is set, with DATA_ENCRYPTION_KEY, reading
// those still under DATA_ENCRYPTION_KEY_OLD, and gives members the new key's pseudonyms: `npm run data:rotate-key`
// (README: Encryption at rest). Cohesion must be stopped: the file store's lock refuses a second process, and in
// PostgreSQL a document written meanwhile makes the rotation change nothing.
import { existsSync } from "node:fs";
import { acknowledgedAuditBreaks, dataEncryption, readEnv, type DataKeys } from "../src/main/config.js";
import { auditChainGuard } from "../src/main/audit-chain-guard.js";
import { describeCounts } from "../src/store/document-counts.js";
import { rotatePostgresKey } from "../src/store/postgres/postgres-rotation.js";
import { StartupError } from "../src/kernel/errors.js";
import { DocumentCipher } from "../src/store/document-cipher.js";
import { openFileStore } from "../src/store/file-store.js";

async function main(): Promise<void> {
  const env = readEnv();
  const keys = dataEncryption(env);
  if (!keys || keys.previousKeys.length === 0)
    throw new StartupError(
      "Set DATA_ENCRYPTION_KEY to the new key and DATA_ENCRYPTION_KEY_OLD to the key the data is encrypted with now.",
    );
  const cipher = new DocumentCipher(keys.key, keys.previousKeys);
  if (cipher.keyIds.length < 2)
    throw new StartupError("DATA_ENCRYPTION_KEY_OLD is the same key as DATA_ENCRYPTION_KEY.");
  if (env.DATABASE_URL) return rotateInPostgres(env.DATABASE_URL, keys, cipher.keyId, acknowledgedAuditBreaks(env));
  if (!existsSync(env.DATA_DIR))
    throw new StartupError(`${env.DATA_DIR} does not exist: there is no data to re-encrypt.`);
  let rewritten = 0;
  // Opening rewrites, one file at a time and atomically, every document not yet under the current key, then drops the
  // identity map's entries for the old key's pseudonyms.
  const store = await openFileStore(env.DATA_DIR, { cipher, progress: (done) => (rewritten = done) });
  await store.close();
  process.stdout.write(
    `Re-encrypted ${rewritten} documents in ${env.DATA_DIR}: every document is now encrypted with key ${cipher.keyId}.\n` +
      "Members' pseudonyms are now derived from the new key.\n" +
      "Start Cohesion with DATA_ENCRYPTION_KEY alone, and destroy the old key once no backup you keep needs it.\n",
  );
}

async function rotateInPostgres(
  url: string,
  keys: DataKeys,
  keyId: string,
  acknowledged: ReadonlyMap<string, ReadonlySet<number>>,
): Promise<void> {
  const counts = await rotatePostgresKey({ url, ...keys, checkGroup: auditChainGuard(acknowledged), acknowledged });
  process.stdout.write(
    `Re-encrypted the organisation and ${counts.size} groups in PostgreSQL with key ${keyId}, and read them back ` +
      "with that key alone:\n" +
      describeCounts(counts)
        .map((line) => `  ${line}\n`)
        .join("") +
      "Members' pseudonyms are now derived from the new key.\n" +
      "Start Cohesion with DATA_ENCRYPTION_KEY alone, and destroy the old key once no backup you keep needs it.\n",
  );
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Cannot rotate the data encryption key:\n${message}\n`);
  process.exit(1);
});
