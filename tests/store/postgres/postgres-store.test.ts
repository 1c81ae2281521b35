import { readdirSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { StartupError } from "../../../src/kernel/errors.js";
import { openPostgresStore } from "../../../src/store/postgres/postgres-store.js";
import { describeStoreContract, increment } from "../store-contract.js";
import { databaseUrl, describePostgres, dropSchemas, freshSchema, openTestStore, rawRows } from "./postgres-helpers.js";

afterAll(dropSchemas);

const migrations = readdirSync(new URL("../../../src/store/postgres/migrations", import.meta.url))
  .map((file) => ({ name: file.replace(/\.sql$/, "") }))
  .sort((a, b) => Number.parseInt(a.name) - Number.parseInt(b.name));

describePostgres("PostgreSQL store", () => {
  describeStoreContract(() => openTestStore());

  it("creates its tables on first start, and opens them again without migrating twice", async () => {
    const schema = freshSchema();
    await (await openTestStore({ schema })).close();
    const tables = await rawRows<{ table_name: string }>(
      schema,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}' ORDER BY table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining([
        "cohesion_migrations",
        "document_changes",
        "group_documents",
        "identities",
        "organisation_document",
        "remembered_keys",
      ]),
    );
    await (await openTestStore({ schema })).close();
    expect(await rawRows(schema, "SELECT name FROM cohesion_migrations ORDER BY id")).toEqual(migrations);
  });

  it("refuses to start, saying why, when the search path names no schema that exists", async () => {
    const url = new URL(databaseUrl);
    url.searchParams.set("options", "-c search_path=cohesion_missing_schema");
    const opening = openPostgresStore(url.toString());
    await expect(opening).rejects.toBeInstanceOf(StartupError);
    await expect(opening).rejects.toThrow("the connection's search_path names no schema that exists");
  });

  it("lets two stores start on a new database at once", async () => {
    const schema = freshSchema();
    const stores = await Promise.all([openTestStore({ schema }), openTestStore({ schema })]);
    await Promise.all(stores.map((store) => store.close()));
    expect(await rawRows(schema, "SELECT name FROM cohesion_migrations")).toHaveLength(migrations.length);
  });

  it("keeps data across close and reopen", async () => {
    const schema = freshSchema();
    const first = await openTestStore({ schema });
    await first.updateGroup("pain-tue", (state) => increment(state));
    await first.updateOrganisation((state) => (state.consoleClock = "2025-01-06T18:00:00.000Z"));
    await first.close();

    const second = await openTestStore({ schema });
    expect((await second.readGroup("pain-tue")).answers["counter"]?.value).toBe(1);
    expect((await second.readOrganisation()).consoleClock).toBe("2025-01-06T18:00:00.000Z");
    await second.close();
  });

  it("writes no row when a change throws", async () => {
    const schema = freshSchema();
    const store = await openTestStore({ schema });
    const failing = store.updateGroup("pain-tue", () => {
      throw new Error("no");
    });
    await expect(failing).rejects.toThrow("no");
    expect(await rawRows(schema, "SELECT id FROM group_documents")).toEqual([]);
    await store.close();
  });

  it("stops start-up with a document that is not valid, naming its row", async () => {
    const schema = freshSchema();
    await (await openTestStore({ schema })).close();
    await rawRows(schema, `INSERT INTO group_documents (id, version, payload) VALUES ('pain-tue', 1, '{"x": 1}')`);
    const opening = openTestStore({ schema });
    await expect(opening).rejects.toThrow(StartupError);
    await expect(opening).rejects.toThrow(/group_documents row "pain-tue" in PostgreSQL is corrupt/);
  });

  it("stops start-up with the error's code when a query is refused while reading, and no stack trace", async () => {
    const schema = freshSchema();
    await (await openTestStore({ schema })).close();
    await rawRows(schema, "DROP TABLE group_documents CASCADE");
    const opening = openTestStore({ schema });
    await expect(opening).rejects.toThrow(StartupError);
    await expect(opening).rejects.toThrow("PostgreSQL (DATABASE_URL) cannot be used: error 42P01.");
  });

  it("refuses a group id that is not a plain name", async () => {
    const store = await openTestStore();
    await expect(store.readGroup("../pain-tue")).rejects.toThrow("is not valid");
    await store.close();
  });
});

it("stops start-up when the database cannot be reached, naming neither its address nor its password", async () => {
  const opening = openPostgresStore("postgres://cohesion:secret-password@127.0.0.1:1/test");
  await expect(opening).rejects.toThrow(StartupError);
  await expect(opening).rejects.toThrow("PostgreSQL (DATABASE_URL) cannot be used: error ECONNREFUSED.");
  expect(databaseUrl).toBeTruthy();
});
