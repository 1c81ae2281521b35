import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";
import type { ClientBase } from "pg";
import { StartupError } from "../../kernel/errors.js";

const migrationsDir = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * Brings the database's tables up to date with node-pg-migrate (the SQL files in migrations/, each applied once, in
 * one transaction); a second process starting at the same time waits for the first one's migration to finish.
 */
export async function migrate(client: ClientBase, schema: string | undefined): Promise<void> {
  // Without a schema node-pg-migrate would keep its own table in public, whatever the connection's search path.
  const { rows } = await client.query<{ current: string | null }>("SELECT current_schema() AS current");
  const current = rows[0]?.current ?? undefined;
  // A search path naming only schemas that do not exist would otherwise put the tables somewhere nobody expects.
  if (schema === undefined && current === undefined)
    throw new StartupError(
      "PostgreSQL (DATABASE_URL) cannot be used: the connection's search_path names no schema that exists. " +
        "Create the schema first (CREATE SCHEMA <name>), or correct the search_path.",
    );
  const where = schema ?? current ?? "public";
  await runner({
    dbClient: client,
    dir: migrationsDir,
    direction: "up",
    migrationsTable: "cohesion_migrations",
    schema: where,
    createSchema: true,
    advisoryLockMode: "wait",
    // Its messages name migration files and SQL; Cohesion logs only codes and counts, so they are left out.
    log: () => undefined,
  });
}
