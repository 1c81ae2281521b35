import { existsSync } from "node:fs";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StartupError } from "../../src/kernel/errors.js";
import { appendAudit } from "../../src/core/privacy/index.js";
import { answerKey } from "../../src/core/state.js";
import { toAddress } from "../../src/kernel/address.js";
import type { Store } from "../../src/core/store.js";
import { keyIdOf } from "../../src/store/document-cipher.js";
import { openFileStore, type FileStoreOptions } from "../../src/store/file-store.js";
import { digestOf, journalFolded } from "../../src/store/journal-frames.js";
import { readEnvelope } from "../../src/store/sealed-envelope.js";
import { allBytes, canary, cipherOf, filesUnder, hashFiles, newKey } from "./encryption-helpers.js";
import { makeTempDir, removeTempDirs } from "./helpers.js";
import { journalRecords } from "./journal-helpers.js";
import { identityMapOf } from "./pseudonym-helpers.js";

afterEach(removeTempDirs);

const at = "2026-01-06T19:00:00.000Z";
const lead = toAddress("console:okafor");
const snapshotOf = (dir: string) => join(dir, "groups", "pain-tue.json");
const journalOf = (dir: string) => `${snapshotOf(dir)}.journal`;

/** Records answers `from` to `to` (exclusive) of ana to session 1, one update each. */
async function answer(store: Store, from: number, to: number, text = ""): Promise<void> {
  for (let index = from; index < to; index += 1)
    await store.updateGroup("pain-tue", (state) => {
      state.answers[answerKey("console:ana", 1, "process", `item-${index}${text}`)] = { value: index % 7, at };
    });
}

/** The indexes of ana's answers held by the group, in order. */
async function answered(store: Store): Promise<number[]> {
  const keys = Object.keys((await store.readGroup("pain-tue")).answers);
  return keys.map((key) => Number(/item-(\d+)/.exec(key)?.[1])).sort((a, b) => a - b);
}

const upTo = (count: number) => Array.from({ length: count }, (_, index) => index);

/** A data directory whose group holds answers 0 to 4: the first in its snapshot, the others in its journal. */
async function journalledDir(options: FileStoreOptions = {}): Promise<string> {
  const dir = await makeTempDir();
  const store = await openFileStore(dir, options);
  await answer(store, 0, 5);
  await store.close();
  return dir;
}

async function expectRefusal(dir: string, ...parts: string[]): Promise<void> {
  const before = await hashFiles(dir);
  const opening = openFileStore(dir);
  await expect(opening).rejects.toBeInstanceOf(StartupError);
  for (const part of parts) await expect(opening).rejects.toThrow(part);
  expect(await hashFiles(dir)).toEqual(before);
  expect(existsSync(join(dir, "cohesion.lock"))).toBe(false);
}

describe("file store journal", () => {
  it("records an answer by appending to the journal, leaving the snapshot's bytes as they were", async () => {
    const dir = await journalledDir();
    const snapshot = await readFile(snapshotOf(dir));
    const store = await openFileStore(dir);
    await answer(store, 5, 6);
    expect((await readFile(snapshotOf(dir))).equals(snapshot)).toBe(true);
    expect(await journalRecords(journalOf(dir))).toHaveLength(5);
    await store.close();
  });

  it("replays the journal after a restart, encrypted too, with every record sealed", async () => {
    const key = newKey();
    const dir = await journalledDir({ cipher: cipherOf(key) });
    const records = await journalRecords(journalOf(dir));
    expect(records.map((record) => readEnvelope(record)?.keyId)).toEqual(Array(4).fill(keyIdOf(key)));
    const store = await openFileStore(dir, { cipher: cipherOf(key) });
    expect(await answered(store)).toEqual(upTo(5));
    await answer(store, 5, 7);
    await store.close();
    const reopened = await openFileStore(dir, { cipher: cipherOf(key) });
    expect(await answered(reopened)).toEqual(upTo(7));
    await reopened.close();
  });

  it("drops a torn last record, keeping every whole one, and appends after them", async () => {
    const dir = await journalledDir();
    const whole = await readFile(journalOf(dir));
    await appendFile(journalOf(dir), '212 0123456789abcdef\n{\n  "snapshot": "');
    const store = await openFileStore(dir);
    expect(await answered(store)).toEqual(upTo(5));
    await answer(store, 5, 6);
    await store.close();
    const journal = await readFile(journalOf(dir));
    expect(journal.subarray(0, whole.length).equals(whole)).toBe(true);
    const reopened = await openFileStore(dir);
    expect(await answered(reopened)).toEqual(upTo(6));
    await reopened.close();
  });

  it("drops a last record whose pages a crash left as zeros", async () => {
    const dir = await journalledDir();
    const journal = await readFile(journalOf(dir));
    const records = await journalRecords(journalOf(dir));
    const last = records.at(-1)!;
    journal.fill(0, journal.length - last.length);
    await writeFile(journalOf(dir), journal);
    const store = await openFileStore(dir);
    expect(await answered(store)).toEqual(upTo(4));
    await store.close();
  });

  it("stops start-up, naming the journal and changing nothing, when a record before the last is damaged", async () => {
    const dir = await journalledDir();
    const journal = await readFile(journalOf(dir));
    const second = journal.indexOf("item-2");
    journal[second + 2] = "X".charCodeAt(0);
    await writeFile(journalOf(dir), journal);
    await expectRefusal(dir, journalOf(dir), "record 2 fails its checksum");
  });

  it("stops start-up when the snapshot was changed or restored without its journal", async () => {
    const dir = await journalledDir();
    const snapshot = JSON.parse(await readFile(snapshotOf(dir), "utf8")) as { answers: object };
    await writeFile(snapshotOf(dir), `${JSON.stringify({ ...snapshot, answers: {} }, null, 2)}\n`);
    await expectRefusal(dir, journalOf(dir), "holds updates to another version of");
  });

  it("folds the journal into a new snapshot once it outgrows half the snapshot, losing nothing", async () => {
    const dir = await makeTempDir();
    const store = await openFileStore(dir);
    const long = `-${"x".repeat(6_000)}`;
    await answer(store, 0, 20, long);
    expect(existsSync(journalOf(dir))).toBe(true);
    const records = (await journalRecords(journalOf(dir))).length;
    expect(records).toBeLessThan(19);
    await store.close();
    const reopened = await openFileStore(dir);
    expect(await answered(reopened)).toEqual(upTo(20));
    await reopened.close();
  });
});

describe("file store journal, when a crash interrupts folding it into a new snapshot", () => {
  /** A data directory whose group holds 5 audit entries: the first in its snapshot, the others in its journal. */
  async function auditedDir(): Promise<{ dir: string; journal: Buffer; folded: Buffer }> {
    const dir = await makeTempDir();
    const store = await openFileStore(dir);
    for (let hour = 0; hour < 5; hour += 1)
      await store.updateGroup("pain-tue", (state) =>
        appendAudit(state, lead, "alert-resolved", new Date(hour * 3.6e6)),
      );
    const state = await store.readGroup("pain-tue");
    await store.close();
    // What folding writes: the whole state, as the snapshot of a plain directory is written.
    const folded = Buffer.from(`${JSON.stringify(state, null, 2)}\n`, "utf8");
    return { dir, journal: await readFile(journalOf(dir)), folded };
  }

  async function auditLength(dir: string, append = false): Promise<number> {
    const store = await openFileStore(dir);
    if (append) await store.updateGroup("pain-tue", (state) => appendAudit(state, lead, "alert-resolved", new Date()));
    const { audit } = await store.readGroup("pain-tue");
    await store.close();
    return audit.length;
  }

  it("keeps the old snapshot and its records when the crash came before the new snapshot replaced it", async () => {
    const { dir, journal, folded } = await auditedDir();
    await writeFile(journalOf(dir), Buffer.concat([journal, journalFolded(digestOf(folded))]));
    expect(await auditLength(dir)).toBe(5);
    expect(await auditLength(dir, true)).toBe(6);
    expect(await auditLength(dir)).toBe(6);
  });

  it("applies no record twice when the crash came after the new snapshot, before the journal went", async () => {
    const { dir, journal, folded } = await auditedDir();
    await writeFile(snapshotOf(dir), folded);
    await writeFile(journalOf(dir), Buffer.concat([journal, journalFolded(digestOf(folded))]));
    expect(await auditLength(dir)).toBe(5);
    expect(await auditLength(dir, true)).toBe(6);
    expect(await auditLength(dir)).toBe(6);
    expect(await journalRecords(journalOf(dir))).toHaveLength(1);
  });
});

describe("file store journal and the data key", () => {
  it("is folded into snapshots under the new key when the key is rotated, leaving no journal", async () => {
    const [oldKey, newKey_] = [newKey(), newKey()];
    const dir = await journalledDir({ cipher: cipherOf(oldKey) });
    expect(existsSync(journalOf(dir))).toBe(true);
    await (await openFileStore(dir, { cipher: cipherOf(newKey_, oldKey) })).close();
    expect(await filesUnder(dir)).toEqual(["groups/pain-tue.json", "identities.json", "organisation.json"]);
    for (const file of await filesUnder(dir))
      expect(readEnvelope(await readFile(join(dir, file)))?.keyId, file).toBe(keyIdOf(newKey_));
    const store = await openFileStore(dir, { cipher: cipherOf(newKey_) });
    expect(await answered(store)).toEqual(upTo(5));
    await store.close();
  });

  it("is folded into a sealed snapshot when a plain directory is first opened with a key", async () => {
    const dir = await journalledDir();
    const key = newKey();
    await (await openFileStore(dir, { cipher: cipherOf(key) })).close();
    expect(existsSync(journalOf(dir))).toBe(false);
    const store = await openFileStore(dir, { cipher: cipherOf(key) });
    expect(await answered(store)).toEqual(upTo(5));
    await store.close();
  });
});

describe("file store journal in an encrypted directory", () => {
  it("refuses a plaintext record after a sealed snapshot, naming the journal and changing nothing", async () => {
    const key = newKey();
    const dir = await journalledDir({ cipher: cipherOf(key) });
    const plain = await journalledDir();
    const header = (await readFile(journalOf(dir))).subarray(0, 84);
    const records = (await readFile(journalOf(plain))).subarray(84);
    await writeFile(journalOf(dir), Buffer.concat([header, records]));
    const before = await hashFiles(dir);
    const opening = openFileStore(dir, { cipher: cipherOf(key) });
    await expect(opening).rejects.toBeInstanceOf(StartupError);
    await expect(opening).rejects.toThrow(journalOf(dir));
    expect(await hashFiles(dir)).toEqual(before);
  });
});

describe("file store journal and erasure", () => {
  const member = toAddress("slack:UCANARY4242");
  const message = (text: string) => ({ member, text, at, session: 1 });

  it("keeps nothing of what an update takes away, in the journal or the snapshot", async () => {
    const dir = await journalledDir();
    const store = await openFileStore(dir);
    await store.updateGroup("pain-tue", (state) => (state.messages["msg-1"] = message(canary.text)));
    expect((await allBytes(dir)).includes(canary.text)).toBe(true);
    await store.updateGroup("pain-tue", (state) => Reflect.deleteProperty(state.messages, "msg-1"));
    expect((await allBytes(dir)).includes(canary.text)).toBe(false);
    expect(existsSync(journalOf(dir))).toBe(false);
    await store.close();
  });

  it("folds a journal that still names a member before forgetting them, so the directory opens again", async () => {
    const key = newKey();
    const dir = await journalledDir({ cipher: cipherOf(key) });
    const store = await openFileStore(dir, { cipher: cipherOf(key) });
    await store.updateGroup("pain-tue", (state) => (state.messages["msg-1"] = message("hello")));
    await store.updateGroup("pain-tue", (state) => (state.messages["msg-1"]!.member = lead));
    expect(await store.forgetIdentity(member)).toBe(true);
    await store.close();
    expect(Object.values(await identityMapOf(dir, cipherOf(key)))).not.toContain(member);
    const reopened = await openFileStore(dir, { cipher: cipherOf(key) });
    expect((await reopened.readGroup("pain-tue")).messages["msg-1"]?.member).toBe(lead);
    await reopened.close();
  });
});
