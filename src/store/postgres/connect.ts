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
    throw new StartupError(`PostgreSQL (DATABASE_URL) cannot be used: ${problemOf(error)}.`);
  }
  return pool;
}

function problemOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? `error ${code}` : "the connection or the migration failed";
}
