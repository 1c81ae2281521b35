import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";
import pg from "pg";
import { afterAll, afterEach, expect, it } from "vitest";
import { appendAudit, verifyAuditChain } from "../../../src/core/privacy/index.js";
import { answerKey, emptyGroupState, type GroupState } from "../../../src/core/state.js";
import { toAddress } from "../../../src/kernel/address.js";
import { auditChainGuard } from "../../../src/main/audit-chain-guard.js";
import { DocumentCipher, keyIdOf } from "../../../src/store/document-cipher.js";
import { moveToPostgres } from "../../../src/store/postgres/move-to-postgres.js";
import { openPostgresStore } from "../../../src/store/postgres/postgres-store.js";
import { rotatePostgresKey } from "../../../src/store/postgres/postgres-rotation.js";
import { RowFormats } from "../../../src/store/postgres/row-format.js";
import { inTransaction } from "../../../src/store/postgres/transaction.js";
import { schema1Key } from "../../support/schema-1-data-set.js";
import { newKey } from "../encryption-helpers.js";
import { removeTempDirs } from "../helpers.js";
import { copyOf } from "../schema-1-helpers.js";
import { databaseUrl, describePostgres, dropSchemas, freshSchema, openTestStore, rawRows } from "./postgres-helpers.js";
import { createdSchema, keyIdsIn, runOnSchema, schema1InPostgres } from "./schema-1-postgres.js";

afterEach(removeTempDirs);
afterAll(dropSchemas);

const lead = toAddress("console:okafor");
const migrations = fileURLToPath(new URL("../../../src/store/postgres/migrations", import.meta.url));
const guard = auditChainGuard(new Map());
const audited = (state: GroupState, hour: number) =>
  appendAudit(state, lead, "alert-resolved", new Date(Date.UTC(2026, 11, 1, hour)), `alert-${hour}`);

/** Takes `schema` back to the tables as they were before audit_entries (its last migration undone). */
async function beforeAuditEntries(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await runner({
      dbClient: client,
      dir: migrations,
      direction: "down",
      count: 1,
      migrationsTable: "cohesion_migrations",
      schema,
      // Stores opening in other test files hold the same lock while they migrate.
      advisoryLockMode: "wait",
      log: () => undefined,
    });
  } finally {
    await client.end();
  }
}

/**
 * Writes the group as Cohesion wrote it before audit_entries, through the payloads' own format (sealed, with
 * pseudonyms, given `cipher`): `state` as its payload at version 1, then `change` (version 2) after it.
 */
async function writeAsBefore(schema: string, state: GroupState, change: object, cipher?: DocumentCipher) {
  const pool = new pg.Pool({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
  const formats = new RowFormats(pool, cipher);
  const format = formats.format("groups/pain-tue");
  try {
    await formats.identities?.load();
    await inTransaction(pool, async (client) => {
      await client.query(
        "INSERT INTO group_documents (id, version, payload_version, payload) VALUES ('pain-tue', 2, 1, $1)",
        [await format.encode(client, state)],
      );
      await client.query(
        "INSERT INTO document_changes (document_table, id, version, payload) VALUES ('group_documents', 'pain-tue', 2, $1)",
        [await format.encode(client, change)],
      );
    });
  } finally {
    await pool.end();
  }
}

/** A group state with two entries, and the same with a third and the change that appends it (immer's patch). */
function groupAsBefore() {
  const state = emptyGroupState("pain-tue");
  audited(state, 0);
  audited(state, 1);
  const later = structuredClone(state);
  audited(later, 2);
  const change = { version: 2, patches: [{ op: "add", path: ["audit", 2], value: later.audit[2] }] };
  return { state, later, change };
}

const auditCount = async (schema: string) =>
  Number((await rawRows<{ n: string }>(schema, "SELECT count(*) AS n FROM audit_entries"))[0]!.n);
const refusedDelete = (schema: string) => rawRows(schema, "DELETE FROM audit_entries");

describePostgres("PostgreSQL audit entries in a database written before audit_entries", () => {
  it("reads the entries kept inside a group's document, and moves them all into rows at its next write", async () => {
    const schema = freshSchema();
    await (await openTestStore({ schema })).close();
    await beforeAuditEntries(schema);
    // As Cohesion wrote the group then: two entries in its payload, and a third in the change after it.
    const { state, later, change } = groupAsBefore();
    await writeAsBefore(schema, state, change);
    const [writer, replica] = [
      await openTestStore({ schema, checkGroup: guard }),
      await openTestStore({ schema, checkGroup: guard }),
    ];
    expect((await writer.readGroup("pain-tue")).audit).toEqual(later.audit);
    expect(await auditCount(schema)).toBe(0);
    await writer.updateGroup("pain-tue", (group) => {
      group.answers[answerKey("console:ana", 1, "process", "item-1")] = { value: 3, at: "2026-12-01T19:00:00Z" };
      audited(group, 3);
    });
    expect(await auditCount(schema)).toBe(4);
    expect(await rawRows(schema, "SELECT version FROM document_changes")).toEqual([]);
    const [row] = await rawRows<{ audit_in_table: boolean; text: string }>(
      schema,
      "SELECT audit_in_table, convert_from(payload, 'UTF8') AS text FROM group_documents",
    );
    expect(row).toMatchObject({ audit_in_table: true });
    expect(row!.text).not.toMatch(/audit|alert-resolved/);
    const audit = (await writer.readGroup("pain-tue")).audit;
    expect((await replica.readGroup("pain-tue")).audit).toEqual(audit);
    await Promise.all([writer.close(), replica.close()]);
    const reopened = await openTestStore({ schema, checkGroup: guard });
    expect((await reopened.readGroup("pain-tue")).audit).toEqual(audit);
    expect(verifyAuditChain("pain-tue", audit)).toMatchObject({ ok: true, entries: 4 });
    await reopened.close();
  });

  it("lets audit:verify read a sealed database written before audit_entries, and moves its entries sealed", async () => {
    const schema = await createdSchema();
    const key = newKey();
    const cipher = new DocumentCipher(key);
    await (await openPostgresStore(databaseUrl, { schema, cipher })).close();
    await beforeAuditEntries(schema);
    const { state, change } = groupAsBefore();
    await writeAsBefore(schema, state, change, cipher);
    const env = { DATA_ENCRYPTION_KEY: key.toString("base64") };
    const verified = await runOnSchema("scripts/verify-audit.ts", schema, env);
    expect(verified).toMatchObject({ code: 0, stderr: "" });
    expect(verified.stdout).toMatch(/^pain-tue: OK, 3 entries, last hash [0-9a-f]{64}\n1 groups verified\.\n$/);
    expect(await auditCount(schema)).toBe(0);
    const store = await openPostgresStore(databaseUrl, { schema, cipher, checkGroup: guard });
    await store.updateGroup("pain-tue", (group) => audited(group, 3));
    await store.close();
    expect(await auditCount(schema)).toBe(4);
    expect(await keyIdsIn(schema)).toEqual([keyIdOf(key)]);
    const rows = await rawRows<{ text: string }>(
      schema,
      "SELECT convert_from(payload, 'UTF8') AS text FROM audit_entries",
    );
    for (const row of rows) expect(row.text).not.toMatch(/alert-resolved|okafor/);
    const after = await runOnSchema("scripts/verify-audit.ts", schema, env);
    expect(after.stdout).toMatch(/^pain-tue: OK, 4 entries, /);
  });
});

describePostgres("PostgreSQL audit entries through copies of the whole database", () => {
  it("keeps every entry through a key rotation, sealed with the new key and still append-only", async () => {
    const schema = await schema1InPostgres();
    const audits = async (cipher: DocumentCipher) => {
      const store = await openPostgresStore(databaseUrl, { schema, cipher, checkGroup: guard });
      const logs = [(await store.readGroup("pain-tue")).audit, (await store.readGroup("segt-thu")).audit];
      await store.close();
      return logs;
    };
    const before = await audits(new DocumentCipher(schema1Key));
    expect(await auditCount(schema)).toBe(4);
    const key = newKey();
    await rotatePostgresKey({ url: databaseUrl, schema, key, previousKeys: [schema1Key], checkGroup: guard });
    expect(await auditCount(schema)).toBe(4);
    expect(await keyIdsIn(schema)).toEqual([keyIdOf(key)]);
    expect(await audits(new DocumentCipher(key))).toEqual(before);
    await expect(refusedDelete(schema)).rejects.toThrow("audit_entries is append-only: DELETE refused");
  });

  it("keeps every entry moving a data directory into PostgreSQL, and guards them there", async () => {
    const schema = await createdSchema();
    await moveToPostgres({ dataDir: await copyOf("plain"), url: databaseUrl, schema, checkGroup: guard });
    const rows = await rawRows<{ group_id: string; n: string }>(
      schema,
      "SELECT group_id, count(*) AS n FROM audit_entries GROUP BY group_id ORDER BY group_id",
    );
    expect(rows).toEqual([
      { group_id: "pain-tue", n: "3" },
      { group_id: "segt-thu", n: "1" },
    ]);
    await expect(refusedDelete(schema)).rejects.toThrow("audit_entries is append-only: DELETE refused");
  });
});
