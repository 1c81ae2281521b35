import { afterAll, afterEach, expect, it } from "vitest";
import { StartupError } from "../../../src/kernel/errors.js";
import { DocumentCipher, keyIdOf } from "../../../src/store/document-cipher.js";
import { openPostgresStore } from "../../../src/store/postgres/postgres-store.js";
import { schema1Key, schema1KeyBase64 } from "../../support/schema-1-data-set.js";
import { newKey } from "../encryption-helpers.js";
import { removeTempDirs } from "../helpers.js";
import { asWritten, countsIn } from "../schema-1-helpers.js";
import { databaseUrl, describePostgres, dropSchemas, rawRows } from "./postgres-helpers.js";
import { copiesLeft, createdSchema, keyIdsIn, runOnSchema, schema1InPostgres } from "./schema-1-postgres.js";

afterEach(removeTempDirs);
afterAll(dropSchemas);

const rotate = (schema: string, env: Record<string, string>) => runOnSchema("scripts/rotate-data-key.ts", schema, env);
const pseudonymsIn = async (schema: string) =>
  (await rawRows<{ pseudonym: string }>(schema, "SELECT pseudonym FROM identities")).map((row) => row.pseudonym);

describePostgres("npm run data:rotate-key with DATABASE_URL", () => {
  it("re-encrypts every document and identity with the new key and new pseudonyms, losing nothing", async () => {
    const schema = await schema1InPostgres();
    const oldPseudonyms = await pseudonymsIn(schema);
    const newer = newKey();
    const result = await rotate(schema, {
      DATA_ENCRYPTION_KEY: newer.toString("base64"),
      DATA_ENCRYPTION_KEY_OLD: schema1KeyBase64,
    });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain(`with key ${keyIdOf(newer)}, and read them back with that key alone`);
    expect(result.stdout).not.toMatch(/console:|okafor/);
    expect(await keyIdsIn(schema)).toEqual([keyIdOf(newer)]);
    expect(await copiesLeft(schema)).toEqual([]);
    const pseudonyms = await pseudonymsIn(schema);
    expect(pseudonyms).toHaveLength(oldPseudonyms.length);
    expect(pseudonyms.filter((pseudonym) => oldPseudonyms.includes(pseudonym))).toEqual([]);
    const store = await openPostgresStore(databaseUrl, { schema, cipher: new DocumentCipher(newer) });
    try {
      expect(await countsIn(store)).toEqual(asWritten());
    } finally {
      await store.close();
    }
    await expect(openPostgresStore(databaseUrl, { schema, cipher: new DocumentCipher(schema1Key) })).rejects.toThrow(
      StartupError,
    );
  });

  it("refuses the wrong old key with a clear message, changing nothing", async () => {
    const schema = await schema1InPostgres();
    const before = await rawRows(schema, "SELECT id, version, md5(payload) FROM group_documents ORDER BY id");
    const result = await rotate(schema, {
      DATA_ENCRYPTION_KEY: newKey().toString("base64"),
      DATA_ENCRYPTION_KEY_OLD: newKey().toString("base64"),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Cannot rotate the data encryption key:\n.* is encrypted with key /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await rawRows(schema, "SELECT id, version, md5(payload) FROM group_documents ORDER BY id")).toEqual(before);
    expect(await keyIdsIn(schema)).toEqual([keyIdOf(schema1Key)]);
    expect(await copiesLeft(schema)).toEqual([]);
  });

  it("refuses a database without Cohesion's tables", async () => {
    const schema = await createdSchema();
    const result = await rotate(schema, {
      DATA_ENCRYPTION_KEY: newKey().toString("base64"),
      DATA_ENCRYPTION_KEY_OLD: schema1KeyBase64,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Cannot rotate the data encryption key:\n" +
        `PostgreSQL (DATABASE_URL) holds no Cohesion tables in schema "${schema}": no data to re-encrypt.\n`,
    );
  });
});
