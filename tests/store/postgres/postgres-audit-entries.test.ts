import { afterAll, expect, it } from "vitest";
import { appendAudit, verifyAuditChain } from "../../../src/core/privacy/index.js";
import { eraseMemberRecords } from "../../../src/core/erasure/index.js";
import { answerKey, type GroupState } from "../../../src/core/state.js";
import type { Store } from "../../../src/core/store.js";
import { toAddress } from "../../../src/kernel/address.js";
import { StartupError } from "../../../src/kernel/errors.js";
import { auditChainGuard } from "../../../src/main/audit-chain-guard.js";
import { keyIdOf } from "../../../src/store/document-cipher.js";
import { cipherOf, newKey } from "../encryption-helpers.js";
import { describePostgres, dropSchemas, freshSchema, openTestStore, rawRows } from "./postgres-helpers.js";

afterAll(dropSchemas);

const lead = toAddress("console:okafor");

/** Records `count` alert resolutions by the lead, from entry `from` on, each with an answer, one update each. */
async function resolveAlerts(store: Store, from: number, count: number): Promise<void> {
  for (let index = from; index < from + count; index += 1)
    await store.updateGroup("pain-tue", (state) => {
      state.answers[answerKey("console:ana", 1, "process", `item-${index}`)] = { value: 3, at: "2026-12-01T19:00:00Z" };
      appendAudit(state, lead, "alert-resolved", new Date(Date.UTC(2026, 11, 1, index)), `alert-${index}`);
    });
}

interface AuditRow {
  seq: number;
  hashed: boolean;
  text: string;
}

const auditRows = (schema: string) =>
  rawRows<AuditRow>(
    schema,
    "SELECT seq, hashed, convert_from(payload, 'UTF8') AS text FROM audit_entries ORDER BY seq",
  );
const documentTexts = async (schema: string) =>
  (
    await rawRows<{ text: string }>(
      schema,
      "SELECT convert_from(payload, 'UTF8') AS text FROM group_documents UNION ALL " +
        "SELECT convert_from(payload, 'UTF8') FROM document_changes",
    )
  ).map((row) => row.text);
const guardedStore = (schema: string, key?: Buffer) =>
  openTestStore({ schema, checkGroup: auditChainGuard(new Map()), ...(key ? { cipher: cipherOf(key) } : {}) });

describePostgres("PostgreSQL store's audit entries", () => {
  it("keeps each audit entry appended as one row of its own, and none in the group's payload or changes", async () => {
    const schema = freshSchema();
    const [writer, replica] = [await guardedStore(schema), await guardedStore(schema)];
    await resolveAlerts(writer, 0, 2);
    expect((await replica.readGroup("pain-tue")).audit).toHaveLength(2);
    await resolveAlerts(writer, 2, 2);
    const rows = await auditRows(schema);
    expect(rows.map((row) => [row.seq, row.hashed])).toEqual([1, 2, 3, 4].map((seq) => [seq, true]));
    expect(rows.map((row) => JSON.parse(row.text) as unknown)).toEqual((await writer.readGroup("pain-tue")).audit);
    expect(await rawRows(schema, "SELECT version FROM document_changes")).toHaveLength(3);
    for (const text of await documentTexts(schema)) expect(text).not.toMatch(/audit|alert-resolved|okafor/);
    const read = await replica.readGroup("pain-tue");
    expect(read.audit).toEqual((await writer.readGroup("pain-tue")).audit);
    expect(verifyAuditChain("pain-tue", read.audit)).toMatchObject({ ok: true, entries: 4 });
    await Promise.all([writer.close(), replica.close()]);
    const reopened = await guardedStore(schema);
    expect((await reopened.readGroup("pain-tue")).audit).toEqual(read.audit);
    await reopened.close();
  });

  it("seals each row with the key, with a pseudonym for the lead: no action or address in plain text", async () => {
    const schema = freshSchema();
    const key = newKey();
    const store = await guardedStore(schema, key);
    await resolveAlerts(store, 0, 3);
    const rows = await auditRows(schema);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.text).not.toMatch(/alert-resolved|okafor|alert-\d/);
      expect((JSON.parse(row.text) as { kid: string }).kid).toBe(keyIdOf(key));
    }
    await store.close();
    const reopened = await guardedStore(schema, key);
    expect((await reopened.readGroup("pain-tue")).audit.map((entry) => entry.actor)).toEqual([lead, lead, lead]);
    await reopened.close();
  });

  it("refuses an update that removes or changes an entry, changing nothing", async () => {
    const schema = freshSchema();
    const store = await guardedStore(schema);
    await resolveAlerts(store, 0, 3);
    const before = await rawRows(schema, "SELECT version, md5(payload) FROM group_documents");
    const refusals: ((state: GroupState) => void)[] = [
      (state) => void state.audit.pop(),
      (state) => void state.audit.splice(0, 1),
      (state) => (state.audit[1]!.actor = toAddress("console:sam")),
      (state) => (state.audit = []),
    ];
    for (const refusal of refusals)
      await expect(store.updateGroup("pain-tue", refusal)).rejects.toThrow(
        /^The audit log of group "pain-tue" is append-only: entry [123] may not be removed or changed\.$/,
      );
    expect(await rawRows(schema, "SELECT version, md5(payload) FROM group_documents")).toEqual(before);
    expect(await auditRows(schema)).toHaveLength(3);
    expect((await store.readGroup("pain-tue")).audit).toHaveLength(3);
    await resolveAlerts(store, 3, 1);
    expect(await auditRows(schema)).toHaveLength(4);
    await store.close();
  });

  it("keeps every entry through an erasure, which adds its own", async () => {
    const schema = freshSchema();
    const store = await guardedStore(schema);
    await resolveAlerts(store, 0, 2);
    await store.updateGroup("pain-tue", (state) => {
      eraseMemberRecords(state, toAddress("console:ana"), { scope: "everything", now: new Date(), stillMember: false });
      appendAudit(state, lead, "member-erased", new Date(Date.UTC(2026, 11, 2)), "answers=2");
    });
    const audit = (await store.readGroup("pain-tue")).audit;
    expect(audit.map((entry) => entry.action)).toEqual(["alert-resolved", "alert-resolved", "member-erased"]);
    expect(await auditRows(schema)).toHaveLength(3);
    await store.close();
  });

  it("chains a log written before the chain when the next entry is appended, sealing its rows anew", async () => {
    const schema = freshSchema();
    const store = await guardedStore(schema);
    await store.updateGroup("pain-tue", (state) => {
      state.audit.push({ at: "2026-01-06T19:00:00.000Z", actor: lead, action: "export-aggregates" });
      state.audit.push({ at: "2026-01-07T19:00:00.000Z", actor: lead, action: "export-aggregates" });
    });
    expect((await auditRows(schema)).map((row) => row.hashed)).toEqual([false, false]);
    await resolveAlerts(store, 0, 1);
    expect((await auditRows(schema)).map((row) => row.hashed)).toEqual([true, true, true]);
    await store.close();
    const reopened = await guardedStore(schema);
    const audit = (await reopened.readGroup("pain-tue")).audit;
    expect(verifyAuditChain("pain-tue", audit)).toMatchObject({ ok: true, entries: 3, legacy: 0 });
    await reopened.close();
  });

  it("refuses to UPDATE, DELETE or TRUNCATE a row in the database", async () => {
    const schema = freshSchema();
    const store = await guardedStore(schema);
    await resolveAlerts(store, 0, 2);
    await store.close();
    for (const sql of [
      "UPDATE audit_entries SET payload = payload WHERE seq = 1",
      "UPDATE audit_entries SET hashed = false",
      "DELETE FROM audit_entries WHERE seq = 2",
      "TRUNCATE audit_entries",
    ])
      await expect(rawRows(schema, sql)).rejects.toThrow(
        /^audit_entries is append-only: (UPDATE|DELETE|TRUNCATE) refused$/,
      );
    expect(await auditRows(schema)).toHaveLength(2);
  });

  it("stops start-up naming the group when a row was changed, moved or removed in the database", async () => {
    const schema = freshSchema();
    const key = newKey();
    const store = await guardedStore(schema, key);
    await resolveAlerts(store, 0, 3);
    await store.close();
    const unguarded = "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only; ";
    await rawRows(
      schema,
      `${unguarded} UPDATE audit_entries SET seq = seq + 10; UPDATE audit_entries SET seq = 14 - seq`,
    );
    const swapped = guardedStore(schema, key);
    await expect(swapped).rejects.toThrow(StartupError);
    await expect(swapped).rejects.toThrow(/^audit_entries row 1 of group "pain-tue" in PostgreSQL is corrupt/);
    await rawRows(schema, `${unguarded} DELETE FROM audit_entries WHERE seq = 1`);
    await expect(guardedStore(schema, key)).rejects.toThrow(
      'audit_entries row 1 of group "pain-tue" in PostgreSQL is corrupt (the entry is missing)',
    );
  });

  it("stops start-up naming the group and the entry when an entry edited in the database breaks the chain", async () => {
    const schema = freshSchema();
    const store = await guardedStore(schema);
    await resolveAlerts(store, 0, 3);
    await store.close();
    await rawRows(
      schema,
      "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only; UPDATE audit_entries SET payload = " +
        "convert_to(replace(convert_from(payload, 'UTF8'), 'alert-1', 'alert-9'), 'UTF8') WHERE seq = 2",
    );
    await expect(guardedStore(schema)).rejects.toThrow(/^The audit log of group "pain-tue" is broken at entry 2: /);
  });
});
