import { randomBytes } from "node:crypto";
import pg, { type ClientBase } from "pg";
import { StartupError } from "../../kernel/errors.js";
import { databaseRefusal } from "./connect.js";

// The tables holding Cohesion's data; the others (the migrations' record, remembered platform keys) stay in place.
const documentTables = [
  "group_documents",
  "organisation_document",
  "identities",
  "document_changes",
  "audit_entries",
] as const;
// The function audit_entries' triggers run, which goes with the table from one schema to the other.
const auditTriggerFunction = "audit_entries_append_only()";

/** The version of each stored document, by table and id: it changes with every write. */
export type DocumentVersions = ReadonlyMap<string, string>;

/** A connection to the database at `url`, with `schema` first in its search path when given. */
export async function connect(url: string, schema?: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 10_000,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw databaseRefusal(error) ?? error;
  }
  return client;
}

/** The schema unqualified names resolve to on `client` (where openPostgresStore keeps the tables). */
export async function currentSchema(client: ClientBase): Promise<string> {
  const { rows } = await client.query<{ current: string | null }>("SELECT current_schema() AS current");
  return rows[0]?.current ?? "public";
}

/** Whether `schema` holds Cohesion's document tables. */
export async function hasDocumentTables(client: ClientBase, schema: string): Promise<boolean> {
  const { rows } = await client.query<{ n: string }>(
    "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'group_documents'",
    [schema],
  );
  return rows[0]?.n === "1";
}

/** The ids of the groups stored in `schema`, sorted. */
export async function postgresGroupIds(client: ClientBase, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM ${pg.escapeIdentifier(schema)}.group_documents WHERE payload IS NOT NULL ORDER BY id`,
  );
  return rows.map((row) => row.id);
}

/** The version of every written document in `schema`. */
export async function documentVersions(client: ClientBase, schema: string): Promise<DocumentVersions> {
  const at = pg.escapeIdentifier(schema);
  const { rows } = await client.query<{ key: string; version: string }>(
    `SELECT 'group:' || id AS key, version FROM ${at}.group_documents WHERE payload IS NOT NULL ` +
      `UNION ALL SELECT 'organisation' AS key, version FROM ${at}.organisation_document WHERE payload IS NOT NULL`,
  );
  return new Map(rows.map((row) => [row.key, row.version]));
}

/** A name for a schema to copy into, unlike any other, saying which live schema it is a copy for. */
export function stagingSchemaName(live: string): string {
  return `${stagingPrefix(live)}${randomBytes(6).toString("hex")}`;
}

/** How the names of the schemas made to copy into for `live` begin. */
export function stagingPrefix(live: string): string {
  return `cohesion_copy_${live.replace(/[^a-z0-9_]/g, "_").slice(0, 30)}_`;
}

/**
 * Creates the empty schema `schema` and checks that a connection asking for it gets it: a search_path set in the URL
 * itself would send every connection to the URL's schema instead. Throws a StartupError if it does not.
 */
export async function createStagingSchema(url: string, client: ClientBase, schema: string): Promise<void> {
  await client.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
  const probe = await connect(url, schema);
  try {
    if ((await currentSchema(probe)) !== schema)
      throw new StartupError(
        "DATABASE_URL sets its own search_path (options=-c search_path=...), so a copy cannot be made beside the " +
          "live tables: set the search_path on the database role instead (ALTER ROLE ... SET search_path).",
      );
  } finally {
    await probe.end();
  }
}

/** Drops `schema` and everything in it, if it exists. */
export async function dropSchema(client: ClientBase, schema: string): Promise<void> {
  await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
}

/**
 * In one transaction: locks the document tables of `live`, asks `unchanged` whether they still hold what the copy
 * was made from (else throws its message and changes nothing), then replaces them with those of `staging` and drops
 * `staging`.
 */
export async function swapDocumentTables(
  client: ClientBase,
  live: string,
  staging: string,
  unchanged: (client: ClientBase) => Promise<string | undefined>,
): Promise<void> {
  const [to, from] = [pg.escapeIdentifier(live), pg.escapeIdentifier(staging)];
  await client.query("BEGIN");
  try {
    await client.query(`LOCK TABLE ${documentTables.map((t) => `${to}.${t}`).join(", ")} IN ACCESS EXCLUSIVE MODE`);
    const problem = await unchanged(client);
    if (problem !== undefined) throw new Error(problem);
    await client.query(`DROP TABLE ${documentTables.map((t) => `${to}.${t}`).join(", ")}`);
    await client.query(`DROP FUNCTION ${to}.${auditTriggerFunction}`);
    for (const table of documentTables) await client.query(`ALTER TABLE ${from}.${table} SET SCHEMA ${to}`);
    await client.query(`ALTER FUNCTION ${from}.${auditTriggerFunction} SET SCHEMA ${to}`);
    await client.query(`DROP SCHEMA ${from} CASCADE`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
