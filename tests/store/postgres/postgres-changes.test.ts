import { afterAll, expect, it } from "vitest";
import { answerKey } from "../../../src/core/state.js";
import type { Store } from "../../../src/core/store.js";
import { toAddress } from "../../../src/kernel/address.js";
import { StartupError } from "../../../src/kernel/errors.js";
import { cipherOf, newKey } from "../encryption-helpers.js";
import { describePostgres, dropSchemas, freshSchema, openTestStore, rawRows } from "./postgres-helpers.js";

afterAll(dropSchemas);

const at = "2026-01-06T19:00:00.000Z";

/** Records answers `from` to `to` (exclusive) of ana to session 1, one update each. */
async function answer(store: Store, from: number, to: number, text = ""): Promise<void> {
  for (let index = from; index < to; index += 1)
    await store.updateGroup("pain-tue", (state) => {
      state.answers[answerKey("console:ana", 1, "process", `item-${index}${text}`)] = { value: index % 7, at };
    });
}

async function answerCount(store: Store): Promise<number> {
  return Object.keys((await store.readGroup("pain-tue")).answers).length;
}

interface Row {
  version: string;
  payload_version: string;
  payload: Buffer;
}

const groupRow = async (schema: string) =>
  (await rawRows<Row>(schema, "SELECT version, payload_version, payload FROM group_documents"))[0]!;
const changeVersions = async (schema: string) =>
  (await rawRows<{ version: string }>(schema, "SELECT version FROM document_changes ORDER BY version")).map((row) =>
    Number(row.version),
  );

describePostgres("PostgreSQL store's changes", () => {
  it("records an answer as a change row, leaving the group's payload as it was", async () => {
    const schema = freshSchema();
    const store = await openTestStore({ schema, cipher: cipherOf(newKey()) });
    await answer(store, 0, 3);
    const before = await groupRow(schema);
    await answer(store, 3, 4);
    const after = await groupRow(schema);
    expect(after.payload.equals(before.payload)).toBe(true);
    expect([after.version, after.payload_version]).toEqual(["4", "1"]);
    expect(await changeVersions(schema)).toEqual([2, 3, 4]);
    await store.close();
  });

  it("lets another process catch up from the change rows alone, without reading the payload again", async () => {
    const schema = freshSchema();
    const key = newKey();
    const [writer, replica] = [
      await openTestStore({ schema, cipher: cipherOf(key) }),
      await openTestStore({ schema, cipher: cipherOf(key) }),
    ];
    await answer(writer, 0, 2);
    expect(await answerCount(replica)).toBe(2);
    await answer(writer, 2, 5);
    // A payload that no longer opens: a replica that read it again would fail.
    await rawRows(schema, "UPDATE group_documents SET payload = 'not a payload'::bytea");
    expect(await answerCount(replica)).toBe(5);
    await Promise.all([writer.close(), replica.close()]);
  });

  it("folds the changes into a new payload once they outgrow half of it, the same after reopening", async () => {
    const schema = freshSchema();
    const store = await openTestStore({ schema });
    await answer(store, 0, 30, `-${"x".repeat(6_000)}`);
    const row = await groupRow(schema);
    expect(Number(row.payload_version)).toBeGreaterThan(1);
    expect((await changeVersions(schema)).every((version) => version > Number(row.payload_version))).toBe(true);
    await store.close();
    const reopened = await openTestStore({ schema });
    expect(await answerCount(reopened)).toBe(30);
    await reopened.close();
  });

  it("folds changes naming a member before forgetting their identity, so a new process still reads them", async () => {
    const schema = freshSchema();
    const key = newKey();
    const store = await openTestStore({ schema, cipher: cipherOf(key) });
    const [member, lead] = [toAddress("slack:UFORGOTTEN1"), toAddress("console:okafor")];
    await answer(store, 0, 1);
    await store.updateGroup("pain-tue", (state) => (state.messages["msg-1"] = { member, text: "hi", at, session: 1 }));
    await store.updateGroup("pain-tue", (state) => (state.messages["msg-1"]!.member = lead));
    expect(await changeVersions(schema)).toEqual([2, 3]);
    expect(await store.forgetIdentity(member)).toBe(true);
    expect(await changeVersions(schema)).toEqual([]);
    await store.close();
    const reopened = await openTestStore({ schema, cipher: cipherOf(key) });
    expect((await reopened.readGroup("pain-tue")).messages["msg-1"]?.member).toBe(lead);
    await reopened.close();
  });

  it("keeps no change holding what an update took away", async () => {
    const schema = freshSchema();
    const store = await openTestStore({ schema });
    await answer(store, 0, 3);
    await store.updateGroup("pain-tue", (state) =>
      Reflect.deleteProperty(state.answers, answerKey("console:ana", 1, "process", "item-1")),
    );
    expect(await changeVersions(schema)).toEqual([]);
    const [row] = await rawRows<{ payload: Buffer }>(schema, "SELECT payload FROM group_documents");
    expect(row?.payload.toString("utf8")).not.toContain("item-1");
    await store.close();
  });

  it("stops start-up, naming the change, when a change row is damaged", async () => {
    const schema = freshSchema();
    const key = newKey();
    const store = await openTestStore({ schema, cipher: cipherOf(key) });
    await answer(store, 0, 3);
    await store.close();
    await rawRows(schema, "UPDATE document_changes SET payload = 'not a change'::bytea WHERE version = 2");
    const opening = openTestStore({ schema, cipher: cipherOf(key) });
    await expect(opening).rejects.toBeInstanceOf(StartupError);
    await expect(opening).rejects.toThrow('group_documents row "pain-tue" in PostgreSQL, change 2 is corrupt');
  });
});
