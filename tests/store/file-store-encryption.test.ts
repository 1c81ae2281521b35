import { existsSync } from "node:fs";
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StartupError } from "../../src/kernel/errors.js";
import { emptyGroupState } from "../../src/core/state.js";
import { keyIdOf } from "../../src/store/document-cipher.js";
import { openFileStore } from "../../src/store/file-store.js";
import {
  allBytes,
  canary,
  canaryGroup,
  cipherOf,
  filesUnder,
  hashFiles,
  isSealedFile,
  newKey,
} from "./encryption-helpers.js";
import { makeTempDir, removeTempDirs } from "./helpers.js";
import { describeStoreContract } from "./store-contract.js";

afterEach(removeTempDirs);

/** A data directory holding two encrypted groups with the canary, and its key. */
async function encryptedDataDir(): Promise<{ dir: string; key: Buffer }> {
  const dir = await makeTempDir();
  const key = newKey();
  const store = await openFileStore(dir, { cipher: cipherOf(key) });
  for (const groupId of ["pain-tue", "grief-thu"]) {
    await store.updateGroup(groupId, (state) => Object.assign(state, canaryGroup(groupId)));
  }
  await store.updateOrganisation((state) => (state.consoleClock = "2026-01-06T18:00:00.000Z"));
  await store.close();
  return { dir, key };
}

/** Expects opening `dir` to stop start-up with a StartupError containing every one of `parts`, changing no file. */
async function expectRefusal(dir: string, open: () => Promise<unknown>, ...parts: string[]): Promise<void> {
  const before = await hashFiles(dir);
  const opening = open();
  await expect(opening).rejects.toBeInstanceOf(StartupError);
  for (const part of parts) await expect(opening).rejects.toThrow(part);
  expect(await hashFiles(dir)).toEqual(before);
  expect(existsSync(join(dir, "cohesion.lock"))).toBe(false);
}

describe("file store with encryption at rest", () => {
  describeStoreContract(async () => openFileStore(await makeTempDir(), { cipher: cipherOf(newKey()) }));

  it("reads back, after reopening with the key, what it wrote encrypted", async () => {
    const { dir, key } = await encryptedDataDir();
    const store = await openFileStore(dir, { cipher: cipherOf(key) });
    expect(await store.readGroup("pain-tue")).toEqual(canaryGroup("pain-tue"));
    expect((await store.readOrganisation()).consoleClock).toBe("2026-01-06T18:00:00.000Z");
    await store.close();
  });

  it("writes every document as an envelope, and no member id or answer text anywhere in the directory", async () => {
    const { dir } = await encryptedDataDir();
    expect(await filesUnder(dir)).toEqual([
      "groups/grief-thu.json",
      "groups/pain-tue.json",
      "identities.json",
      "organisation.json",
      "organisation.json.journal",
    ]);
    for (const file of await filesUnder(dir)) expect(await isSealedFile(join(dir, file))).toBe(true);
    const bytes = await allBytes(dir);
    for (const secret of [canary.member, canary.text, "UCANARY4242", "pain-tue", "2026-01-06"]) {
      expect(bytes.includes(secret), secret).toBe(false);
    }
  });

  it("marks a new directory as encrypted by writing the organisation at once", async () => {
    const dir = await makeTempDir();
    await (await openFileStore(dir, { cipher: cipherOf(newKey()) })).close();
    expect(await isSealedFile(join(dir, "organisation.json"))).toBe(true);
  });

  it("refuses a wrong key, naming the key ids and leaving every file byte-identical, even a leftover", async () => {
    const { dir, key } = await encryptedDataDir();
    await writeFile(join(dir, "groups", ".pain-tue.json.123-4.cohesion-tmp"), "{ half a docu");
    const wrong = newKey();
    await expectRefusal(
      dir,
      () => openFileStore(dir, { cipher: cipherOf(wrong) }),
      `is encrypted with key ${keyIdOf(key)}, but the key given is ${keyIdOf(wrong)}`,
      "Cohesion has not changed any file",
    );
  });

  it("refuses to open encrypted data without a key, changing nothing", async () => {
    const { dir, key } = await encryptedDataDir();
    await expectRefusal(
      dir,
      () => openFileStore(dir),
      join(dir, "organisation.json"),
      `is encrypted (key ${keyIdOf(key)}), but DATA_ENCRYPTION_KEY is not set`,
    );
  });

  it("refuses a file with one flipped byte, naming it and overwriting nothing", async () => {
    const { dir, key } = await encryptedDataDir();
    const file = join(dir, "groups", "pain-tue.json");
    const bytes = await readFile(file);
    const middle = bytes.indexOf('"ciphertext":"') + 30;
    bytes[middle] = bytes[middle]! === 0x41 ? 0x42 : 0x41;
    await writeFile(file, bytes);
    await expectRefusal(dir, () => openFileStore(dir, { cipher: cipherOf(key) }), file, "fails authentication");
  });

  it("refuses a group file copied over another, since each envelope is bound to its document's name", async () => {
    const { dir, key } = await encryptedDataDir();
    const file = join(dir, "groups", "grief-thu.json");
    await copyFile(join(dir, "groups", "pain-tue.json"), file);
    await expectRefusal(dir, () => openFileStore(dir, { cipher: cipherOf(key) }), file, "belongs to another document");
  });

  it("refuses a plaintext document put into an encrypted directory", async () => {
    const { dir, key } = await encryptedDataDir();
    const file = join(dir, "groups", "planted.json");
    await writeFile(file, JSON.stringify(emptyGroupState("planted")));
    await expectRefusal(dir, () => openFileStore(dir, { cipher: cipherOf(key) }), file, "it is not encrypted");
  });

  it("refuses a plaintext group read after start-up in an encrypted directory", async () => {
    const { dir, key } = await encryptedDataDir();
    const store = await openFileStore(dir, { cipher: cipherOf(key) });
    const file = join(dir, "groups", "planted.json");
    await writeFile(file, JSON.stringify(emptyGroupState("planted")));
    await expect(store.readGroup("planted")).rejects.toThrow(`${file} is corrupt (it is not encrypted`);
    await store.close();
  });
});
