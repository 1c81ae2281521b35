import { afterAll, afterEach, expect, it } from "vitest";
import { moveToPostgres } from "../../../src/store/postgres/move-to-postgres.js";
import { schema1KeyBase64 } from "../../support/schema-1-data-set.js";
import { removeTempDirs } from "../helpers.js";
import { copyOf } from "../schema-1-helpers.js";
import { databaseUrl, describePostgres, dropSchemas, rawRows } from "./postgres-helpers.js";
import { createdSchema, runOnSchema, schema1InPostgres } from "./schema-1-postgres.js";

afterEach(removeTempDirs);
afterAll(dropSchemas);

const verify = (schema: string, env: Record<string, string> = {}) =>
  runOnSchema("scripts/verify-audit.ts", schema, env);

describePostgres("npm run audit:verify with DATABASE_URL", () => {
  it("says OK for each group kept in PostgreSQL, reading it with the key, writing nothing", async () => {
    const schema = await schema1InPostgres();
    const before = await rawRows(schema, "SELECT id, version FROM group_documents ORDER BY id");
    const result = await verify(schema, { DATA_ENCRYPTION_KEY: schema1KeyBase64, DATA_DIR: "/nonexistent" });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^pain-tue: OK, 3 entries, last hash [0-9a-f]{64}\nsegt-thu: OK, 1 entry, /);
    expect(result.stdout).toContain("2 groups verified.");
    expect(await rawRows(schema, "SELECT id, version FROM group_documents ORDER BY id")).toEqual(before);
  });

  it("names the first broken entry of a chain edited in the database and exits 1", async () => {
    const schema = await createdSchema();
    await moveToPostgres({ dataDir: await copyOf("plain"), url: databaseUrl, schema });
    // Someone who owns the table can turn its guard off: only the chain shows what they changed.
    await rawRows(
      schema,
      "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only; " +
        "UPDATE audit_entries SET payload = convert_to(regexp_replace(convert_from(payload, 'UTF8'), " +
        `'"actor":\\s*"console:okafor"', '"actor":"console:sam"'), 'UTF8') WHERE group_id = 'pain-tue' AND seq = 1`,
    );
    const result = await verify(schema, { DATA_ENCRYPTION: "off" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("pain-tue: BROKEN at entry 1: what it holds does not match its hash");
    expect(result.stdout).toContain("segt-thu: OK, 1 entry");
    expect(result.stdout).toContain("1 of 2 groups have a broken audit log.");
  });

  it("refuses without the key, and a database holding no Cohesion tables, with no stack trace", async () => {
    const withoutKey = await verify(await schema1InPostgres(), { DATA_ENCRYPTION: "off" });
    expect(withoutKey.code).toBe(1);
    expect(withoutKey.stderr).toMatch(/^Cannot verify the audit logs:\n/);
    expect(withoutKey.stderr).not.toMatch(/\n\s+at /);
    const empty = await createdSchema();
    const nothing = await verify(empty);
    expect(nothing.stderr).toBe(
      `Cannot verify the audit logs:\nPostgreSQL (DATABASE_URL) holds no Cohesion tables in schema "${empty}": no data to read.\n`,
    );
  });
});
