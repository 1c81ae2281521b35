/** The schema-1 data set in PostgreSQL: a schema to move it into, and the scripts run against that schema. */
import { DocumentCipher } from "../../../src/store/document-cipher.js";
import { stagingPrefix } from "../../../src/store/postgres/document-tables.js";
import { moveToPostgres } from "../../../src/store/postgres/move-to-postgres.js";
import { schema1Key } from "../../support/schema-1-data-set.js";
import { copyOf, runScript } from "../schema-1-helpers.js";
import { databaseUrl, freshSchema, rawRows } from "./postgres-helpers.js";

/** A fresh, empty schema that exists already (as a role's search_path would name one). */
export async function createdSchema(): Promise<string> {
  const schema = freshSchema();
  await rawRows("public", `CREATE SCHEMA ${schema}`);
  return schema;
}

/** Runs a script with DATABASE_URL at the test database and `schema` as the connection's search_path. */
export function runOnSchema(script: string, schema: string, env: Record<string, string> = {}) {
  return runScript(script, { DATABASE_URL: databaseUrl, PGOPTIONS: `-c search_path=${schema}`, ...env });
}

/** A fresh schema holding the encrypted data set, moved there with its key. */
export async function schema1InPostgres(): Promise<string> {
  const schema = await createdSchema();
  await moveToPostgres({
    dataDir: await copyOf("encrypted"),
    url: databaseUrl,
    schema,
    cipher: new DocumentCipher(schema1Key),
  });
  return schema;
}

/** The key id (`kid`) of every sealed payload, audit entry and identity in `schema`. */
export async function keyIdsIn(schema: string): Promise<string[]> {
  const rows = await rawRows<{ bytes: string }>(
    schema,
    "SELECT convert_from(payload, 'UTF8') AS bytes FROM group_documents UNION ALL " +
      "SELECT convert_from(payload, 'UTF8') FROM organisation_document UNION ALL " +
      "SELECT convert_from(payload, 'UTF8') FROM audit_entries UNION ALL " +
      "SELECT convert_from(address, 'UTF8') FROM identities",
  );
  return [...new Set(rows.map((row) => (JSON.parse(row.bytes) as { kid: string }).kid))];
}

/** The schemas made to copy into for `schema` that are still there: copies left behind. */
export async function copiesLeft(schema: string): Promise<string[]> {
  const rows = await rawRows<{ name: string }>(
    "public",
    `SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, '${stagingPrefix(schema)}')`,
  );
  return rows.map((row) => row.name);
}
