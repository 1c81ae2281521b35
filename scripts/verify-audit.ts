// Verifies the audit log of every group in PostgreSQL when DATABASE_URL is set, else in DATA_DIR, reading it with
// DATA_ENCRYPTION_KEY when set (pseudonyms revealed through the identity map, as the chain hashes addresses) and
// writing no document: `npm run audit:verify` (README: The audit log). Exits 1 when a chain is broken.
import { existsSync } from "node:fs";
import { acknowledgedAuditBreaks, dataEncryption, readEnv } from "../src/main/config.js";
import { verifyAuditChain, type AuditChainCheck } from "../src/core/privacy/index.js";
import { StartupError } from "../src/kernel/errors.js";
import { DocumentCipher } from "../src/store/document-cipher.js";
import { readGroupDocuments } from "../src/store/read-groups.js";
import { readPostgresGroups } from "../src/store/postgres/read-postgres-groups.js";

async function main(): Promise<void> {
  const env = readEnv();
  const keys = dataEncryption(env);
  const cipher = keys && new DocumentCipher(keys.key, keys.previousKeys);
  // With DATABASE_URL set, DATA_DIR holds files the running Cohesion no longer uses: only PostgreSQL is read.
  if (!env.DATABASE_URL && !existsSync(env.DATA_DIR))
    throw new StartupError(`${env.DATA_DIR} does not exist: there is no data to verify.`);
  const acknowledged = acknowledgedAuditBreaks(env);
  const groups = env.DATABASE_URL
    ? await readPostgresGroups(env.DATABASE_URL, cipher)
    : await readGroupDocuments(env.DATA_DIR, cipher);
  let broken = 0;
  for (const state of groups) {
    const check = verifyAuditChain(state.groupId, state.audit, acknowledged.get(state.groupId));
    if (!check.ok) broken += 1;
    process.stdout.write(`${state.groupId}: ${describe(check)}\n`);
  }
  process.stdout.write(
    broken === 0
      ? `${groups.length} groups verified.\n`
      : `${broken} of ${groups.length} groups have a broken audit log.\n`,
  );
  if (broken > 0) process.exitCode = 1;
}

function describe(check: AuditChainCheck): string {
  if (!check.ok) return `BROKEN at entry ${check.entry}: ${check.problem}`;
  const notes = [
    ...(check.legacy > 0 ? [`${check.legacy} written before the chain, chained at the next entry`] : []),
    ...check.acknowledged.map((entry) => `the break at entry ${entry} acknowledged`),
  ];
  const head = check.head === undefined ? "" : `, last hash ${check.head}`;
  return `OK, ${check.entries} ${check.entries === 1 ? "entry" : "entries"}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}${head}`;
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Cannot verify the audit logs:\n${message}\n`);
  process.exit(1);
});
