import { afterAll, afterEach, expect, it } from "vitest";
import type { Store } from "../../../src/core/store.js";
import { DocumentCipher } from "../../../src/store/document-cipher.js";
import { openFileStore } from "../../../src/store/file-store.js";
import { fileGroupIds } from "../../../src/store/file-group-ids.js";
import { copyThroughStaging } from "../../../src/store/postgres/staged-copy.js";
import { openPostgresStore } from "../../../src/store/postgres/postgres-store.js";
import { schema1Key, schema1KeyBase64 } from "../../support/schema-1-data-set.js";
import { removeTempDirs } from "../helpers.js";
import { asWritten, copyOf, countsIn } from "../schema-1-helpers.js";
import { databaseUrl, describePostgres, dropSchemas, rawRows } from "./postgres-helpers.js";
import { copiesLeft, createdSchema, runOnSchema } from "./schema-1-postgres.js";

afterEach(removeTempDirs);
afterAll(dropSchemas);

const key = () => new DocumentCipher(schema1Key);
const migrate = (schema: string, env: Record<string, string>) =>
  runOnSchema("scripts/migrate-to-postgres.ts", schema, env);

/** Every row of the schema's document tables, to compare before and after. */
const rowsOf = (schema: string) =>
  rawRows(
    schema,
    "SELECT id, version, md5(payload) AS sum FROM group_documents UNION ALL " +
      "SELECT id, version, md5(payload) FROM organisation_document ORDER BY id",
  );

async function countsInSchema(schema: string, cipher?: DocumentCipher) {
  const store = await openPostgresStore(databaseUrl, { schema, cipher });
  try {
    return await countsIn(store);
  } finally {
    await store.close();
  }
}

describePostgres("npm run migrate-to-postgres", () => {
  it("moves the encrypted schema-1 data set with its key, all of it, and prints counts only", async () => {
    const schema = await createdSchema();
    const dir = await copyOf("encrypted");
    const result = await migrate(schema, { DATA_DIR: dir, DATA_ENCRYPTION_KEY: schema1KeyBase64 });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("Moved the organisation and 2 groups into PostgreSQL, and read them back:");
    expect(result.stdout).toContain(
      "  pain-tue: 54 answers, 41 prompts, 63 outbox entries, 1 alert, 3 audit entries\n" +
        "  segt-thu: 39 answers, 36 prompts, 41 outbox entries, 0 alerts, 1 audit entry\n",
    );
    expect(result.stdout).not.toMatch(/console:|ana|okafor|end my life/);
    expect(await countsInSchema(schema, key())).toEqual(asWritten());
    const store = await openPostgresStore(databaseUrl, { schema, cipher: key() });
    const organisation = await store.readOrganisation();
    await store.close();
    expect(organisation.memberCodeKey).toMatch(/=$/);
    expect(await copiesLeft(schema)).toEqual([]);
    const verified = await runOnSchema("scripts/verify-audit.ts", schema, { DATA_ENCRYPTION_KEY: schema1KeyBase64 });
    expect(verified).toMatchObject({ code: 0, stderr: "" });
    expect(verified.stdout).toContain("2 groups verified.");
  });

  it("moves the plain data set with DATA_ENCRYPTION=off, keeping it plain", async () => {
    const schema = await createdSchema();
    const result = await migrate(schema, { DATA_DIR: await copyOf("plain"), DATA_ENCRYPTION: "off" });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(await countsInSchema(schema)).toEqual(asWritten());
  });

  it("refuses a database that already holds Cohesion's documents, with a clear message, changing nothing", async () => {
    const schema = await createdSchema();
    const env = { DATA_DIR: await copyOf("encrypted"), DATA_ENCRYPTION_KEY: schema1KeyBase64 };
    expect((await migrate(schema, env)).code).toBe(0);
    const before = await rowsOf(schema);
    const again = await migrate(schema, env);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      "Cannot move the data into PostgreSQL:\nPostgreSQL (DATABASE_URL) already holds Cohesion's data (2 groups), so " +
        "nothing was copied: a data directory can only be moved into a database where Cohesion has stored nothing yet.\n",
    );
    expect(await rowsOf(schema)).toEqual(before);
    expect(await copiesLeft(schema)).toEqual([]);
  });

  it("refuses without the data set's key, with no stack trace, writing no document", async () => {
    const schema = await createdSchema();
    const result = await migrate(schema, { DATA_DIR: await copyOf("encrypted") });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Cannot move the data into PostgreSQL:\n.*is encrypted/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await rowsOf(schema)).toEqual([]);
  });

  it("after a run that fails half-way, holds nothing of it, and a second run moves everything", async () => {
    const schema = await createdSchema();
    const dir = await copyOf("encrypted");
    const open = (at: string | undefined) => openPostgresStore(databaseUrl, { schema: at, cipher: key() });
    await (await open(schema)).close();
    const failing = copyThroughStaging({
      url: databaseUrl,
      schema,
      source: async () => ({
        store: failingOn("segt-thu", await openFileStore(dir, { cipher: key() })),
        groupIds: await fileGroupIds(dir),
      }),
      open,
      acknowledged: new Map(),
      unchanged: async () => undefined,
    });
    await expect(failing).rejects.toThrow("the disk went away");
    expect(await rowsOf(schema)).toEqual([]);
    expect(await copiesLeft(schema)).toEqual([]);
    expect((await migrate(schema, { DATA_DIR: dir, DATA_ENCRYPTION_KEY: schema1KeyBase64 })).code).toBe(0);
    expect(await countsInSchema(schema, key())).toEqual(asWritten());
  });

  it("replaces nothing when the live tables changed while copying", async () => {
    const schema = await createdSchema();
    const dir = await copyOf("encrypted");
    const open = (at: string | undefined) => openPostgresStore(databaseUrl, { schema: at, cipher: key() });
    await (await open(schema)).close();
    const copying = copyThroughStaging({
      url: databaseUrl,
      schema,
      source: async () => ({ store: await openFileStore(dir, { cipher: key() }), groupIds: await fileGroupIds(dir) }),
      open,
      acknowledged: new Map(),
      unchanged: async () => "written meanwhile",
    });
    await expect(copying).rejects.toThrow("written meanwhile");
    expect(await rowsOf(schema)).toEqual([]);
    expect(await copiesLeft(schema)).toEqual([]);
  });
});

/** `store`, whose reads of `groupId` fail as a lost disk would. */
function failingOn(groupId: string, store: Store): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== "readGroup") return Reflect.get(target, property, receiver) as unknown;
      return async (id: string) => {
        if (id === groupId) throw new Error("the disk went away");
        return target.readGroup(id);
      };
    },
  });
}
