import { randomBytes } from "node:crypto";
import pg from "pg";
import { beforeAll, describe } from "vitest";
import type { Store } from "../../../src/core/store.js";
import { openPostgresStore, type PostgresStoreOptions } from "../../../src/store/postgres/postgres-store.js";

const localDatabase = "postgres://postgres@127.0.0.1:5432/test";
/** The database the PostgreSQL tests use: DATABASE_URL, else the local test database on 127.0.0.1. */
export const databaseUrl = process.env["DATABASE_URL"] ?? localDatabase;
const named = process.env["DATABASE_URL"] === undefined ? localDatabase : "DATABASE_URL";
const inCi = process.env["CI"] === "true";
const schemas: string[] = [];

async function problemReaching(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const problem = await problemReaching(databaseUrl);
if (problem !== undefined && !inCi) {
  const line = "!".repeat(100);
  process.stderr.write(
    `\n${line}\nPOSTGRESQL TESTS SKIPPED: ${named} cannot be reached (${problem}).\n` +
      `Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n${line}\n\n`,
  );
}

/** `describe` for tests that need PostgreSQL: skipped, loudly, where it cannot be reached, but failing in CI. */
export function describePostgres(name: string, body: () => void): void {
  (problem === undefined || inCi ? describe : describe.skip)(name, () => {
    beforeAll(() => {
      if (problem !== undefined)
        throw new Error(
          `PostgreSQL at ${named} cannot be reached (${problem}), and CI=true needs it: .ci/run starts it`,
        );
    });
    body();
  });
}

/** A fresh schema for one store's tables (created as it opens), dropped by `dropSchemas`. */
export function freshSchema(): string {
  const schema = `cohesion_test_${randomBytes(6).toString("hex")}`;
  schemas.push(schema);
  return schema;
}

/** Opens a store on the test database, in a fresh schema unless `options` names one. */
export function openTestStore(options: PostgresStoreOptions = {}): Promise<Store> {
  return openPostgresStore(databaseUrl, { schema: freshSchema(), ...options });
}

/** The rows of `sql`, run directly on the test database with `schema` first in the search path. */
export async function rawRows<R extends pg.QueryResultRow>(schema: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Drops every schema made by `freshSchema`, with its tables. */
export async function dropSchemas(): Promise<void> {
  if (problem !== undefined) return;
  const names = schemas.splice(0);
  if (names.length === 0) return;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${names.join(", ")} CASCADE`);
  } finally {
    await client.end();
  }
}
