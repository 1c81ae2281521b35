import pg, { type Pool } from "pg";
import { StartupError } from "../../kernel/errors.js";
import { migrate } from "./migrate.js";

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A connection pool to the database at `url` (its tables in `schema`, when given), once the migrations have run. A
 * database that cannot be reached is a StartupError naming only the error's code, since the URL may hold a password.
 */
export async function connectPool(url: string, schema: string | undefined): Promise<Pool> {
  if (schema !== undefined && !schemaName.test(schema))
    throw new Error(`${JSON.stringify(schema)} is not a schema name.`);
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: 10_000,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // A connection the server closes while idle is reported here; the pool drops it and the next query opens another.
  pool.on("error", () => undefined);
  try {
    const client = await pool.connect();
    try {
      await migrate(client, schema);
    } finally {
      client.release(true);
    }
  } catch (error) {
    await pool.end();
    throw error instanceof StartupError ? error : refusal(error);
  }
  return pool;
}

/** A database's or the network's coded error (such as 42P01) as a StartupError naming only its code; else undefined. */
export function databaseRefusal(error: unknown): StartupError | undefined {
  return codeOf(error) === undefined ? undefined : refusal(error);
}

function refusal(error: unknown): StartupError {
  return new StartupError(`PostgreSQL (DATABASE_URL) cannot be used: ${problemOf(error)}.`);
}

function codeOf(error: unknown): string | undefined {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

function problemOf(error: unknown): string {
  const code = codeOf(error);
  return code === undefined ? "the connection or the migration failed" : `error ${code}`;
}
