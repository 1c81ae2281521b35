import { afterAll, expect, it } from "vitest";
import { StartupError } from "../../../src/kernel/errors.js";
import { toAddress } from "../../../src/kernel/address.js";
import { canaryGroup, canary, cipherOf, newKey } from "../encryption-helpers.js";
import { canaryAddresses, canaryTraces, pseudonymousGroup } from "../pseudonym-helpers.js";
import { describePostgres, dropSchemas, freshSchema, openTestStore, rawRows } from "./postgres-helpers.js";

afterAll(dropSchemas);

const conversation = { conversationId: "a:1canary", serviceUrl: "https://smba.example/emea/" };

/** A schema written through the store with a new key: two canary groups, and a Teams conversation by address. */
async function encryptedSchema(): Promise<{ schema: string; key: Buffer }> {
  const schema = freshSchema();
  const key = newKey();
  const store = await openTestStore({ schema, cipher: cipherOf(key) });
  for (const groupId of ["pain-tue", "grief-thu"]) {
    const { messages, ...rest } = pseudonymousGroup(groupId);
    await store.updateGroup(groupId, (state) => Object.assign(state, rest));
    // The messages come in an update of their own, so that they are kept as a change of the group.
    await store.updateGroup(groupId, (state) => Object.assign(state.messages, messages));
  }
  await store.updateGroup("hiv-wed", (state) => Object.assign(state, canaryGroup("hiv-wed")));
  await store.updateOrganisation((state) => {
    state.platformData = { teams: { conversations: { [canaryAddresses.teams]: conversation } } };
  });
  await store.close();
  return { schema, key };
}

/** Every value stored in the schema's documents, their changes and the identities, as text. */
async function everythingStored(schema: string): Promise<string> {
  const rows = await rawRows(
    schema,
    "SELECT id, encode(payload, 'escape') AS bytes FROM group_documents UNION ALL " +
      "SELECT id, encode(payload, 'escape') FROM organisation_document UNION ALL " +
      "SELECT id, encode(payload, 'escape') FROM document_changes UNION ALL " +
      "SELECT pseudonym, encode(address, 'escape') FROM identities",
  );
  return JSON.stringify(rows);
}

describePostgres("PostgreSQL store with a data key", () => {
  it("keeps no address, answer or message readable in any table", async () => {
    const { schema } = await encryptedSchema();
    const stored = await everythingStored(schema);
    for (const trace of [...canaryTraces, canary.member, canary.text]) expect(stored).not.toContain(trace);
    const payloads = await rawRows<{ payload: Buffer }>(schema, "SELECT payload FROM group_documents");
    const changes = await rawRows<{ payload: Buffer }>(schema, "SELECT payload FROM document_changes");
    expect(changes).toHaveLength(2);
    for (const { payload } of [...payloads, ...changes])
      expect(payload.toString("utf8")).toMatch(/^\{"cohesion-sealed":1,/);
    expect(await rawRows(schema, "SELECT pseudonym FROM identities")).toHaveLength(3);
  });

  it("gives back every document as it was written to a store opened with the same key", async () => {
    const { schema, key } = await encryptedSchema();
    const store = await openTestStore({ schema, cipher: cipherOf(key) });
    expect(await store.readGroup("pain-tue")).toEqual(pseudonymousGroup("pain-tue"));
    expect(await store.readGroup("hiv-wed")).toEqual(canaryGroup("hiv-wed"));
    expect((await store.readOrganisation()).platformData).toEqual({
      teams: { conversations: { [canaryAddresses.teams]: conversation } },
    });
    await store.close();
  });

  it("stops start-up with another key, or without one, and changes nothing", async () => {
    const { schema } = await encryptedSchema();
    const before = await everythingStored(schema);
    await expect(openTestStore({ schema, cipher: cipherOf(newKey()) })).rejects.toThrow(/is encrypted with key/);
    await expect(openTestStore({ schema })).rejects.toThrow(/DATA_ENCRYPTION_KEY is not set/);
    expect(await everythingStored(schema)).toBe(before);
  });

  it("stops start-up when a group's payload was copied onto another group's row", async () => {
    const { schema, key } = await encryptedSchema();
    await rawRows(
      schema,
      "UPDATE group_documents SET payload = (SELECT payload FROM group_documents WHERE id = 'pain-tue') " +
        "WHERE id = 'grief-thu'",
    );
    const opening = openTestStore({ schema, cipher: cipherOf(key) });
    await expect(opening).rejects.toThrow(StartupError);
    await expect(opening).rejects.toThrow(/group_documents row "grief-thu" in PostgreSQL is corrupt/);
  });

  it("forgets a member's address once no document refers to them any more", async () => {
    const schema = freshSchema();
    const store = await openTestStore({ schema, cipher: cipherOf(newKey()) });
    const member = toAddress("slack:UFORGOTTEN1");
    await store.updateGroup("pain-tue", (state) => (state.joined[member] = "2026-01-06T19:00:00.000Z"));
    expect(await store.forgetIdentity(member)).toBe(false);
    await store.updateGroup("pain-tue", (state) => delete state.joined[member]);
    expect(await store.forgetIdentity(member)).toBe(true);
    expect(await rawRows(schema, "SELECT pseudonym FROM identities")).toEqual([]);
    await store.close();
  });
});
