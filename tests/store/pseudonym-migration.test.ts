import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/core/store.js";
import { emptyOrganisationState } from "../../src/core/state.js";
import type { DocumentCipher } from "../../src/store/document-cipher.js";
import { openFileStore, type FileStoreOptions } from "../../src/store/file-store.js";
import { addressesIn } from "../../src/store/pseudonym-text.js";
import { cipherOf, newKey } from "./encryption-helpers.js";
import { makeTempDir, removeTempDirs } from "./helpers.js";
import { canaryAddresses, decryptedDocuments, identityMapOf, pseudonymousGroup } from "./pseudonym-helpers.js";

afterEach(removeTempDirs);

const groupIds = ["alpha", "bravo", "charlie", "delta"];
const failAfterTwo = (done: number): void => {
  if (done === 2) throw new Error("injected failure");
};

/** Writes the canary groups and the organisation as an earlier Cohesion did: plain JSON, or sealed by `cipher`. */
async function writeDataDirWithoutPseudonyms(dir: string, cipher?: DocumentCipher): Promise<void> {
  await mkdir(join(dir, "groups"), { recursive: true });
  const write = (name: string, data: unknown) => {
    const json = JSON.stringify(data, null, 2);
    return writeFile(join(dir, `${name}.json`), cipher ? cipher.seal(name, Buffer.from(json)) : `${json}\n`);
  };
  await write("organisation", emptyOrganisationState());
  for (const groupId of groupIds) await write(`groups/${groupId}`, pseudonymousGroup(groupId));
}

/** Opens `dir`, expects every canary group as written, closes. */
async function expectCanaryGroups(dir: string, options: FileStoreOptions): Promise<void> {
  const store: Store = await openFileStore(dir, options);
  for (const groupId of groupIds) expect(await store.readGroup(groupId)).toEqual(pseudonymousGroup(groupId));
  await store.close();
}

/** Whether every document under `dir` holds pseudonyms and no address, decrypted with `cipher`. */
async function onlyPseudonyms(dir: string, cipher: DocumentCipher): Promise<boolean> {
  const documents = Object.entries(await decryptedDocuments(dir, cipher)).filter(
    ([file]) => file !== "identities.json",
  );
  return documents.every(([, text]) => text.includes("cohesion-pseudonymous") && addressesIn(text).length === 0);
}

describe("a data directory written before pseudonyms", () => {
  for (const [form, sealed] of [
    ["plain", false],
    ["encrypted", true],
  ] as const) {
    it(`is given pseudonyms on the first start with a key, and loads as before (${form})`, async () => {
      const dir = await makeTempDir();
      const key = newKey();
      await writeDataDirWithoutPseudonyms(dir, sealed ? cipherOf(key) : undefined);
      await expectCanaryGroups(dir, { cipher: cipherOf(key) });
      expect(await onlyPseudonyms(dir, cipherOf(key))).toBe(true);
      expect(Object.values(await identityMapOf(dir, cipherOf(key))).sort()).toEqual(
        Object.values(canaryAddresses).sort(),
      );
      await expectCanaryGroups(dir, { cipher: cipherOf(key) });
    });
  }

  it("loses nothing when giving pseudonyms fails part-way, and finishes on the next start", async () => {
    const dir = await makeTempDir();
    const key = newKey();
    await writeDataDirWithoutPseudonyms(dir, cipherOf(key));
    await expect(openFileStore(dir, { cipher: cipherOf(key), progress: failAfterTwo })).rejects.toThrow("injected");
    expect(await onlyPseudonyms(dir, cipherOf(key))).toBe(false);
    await expectCanaryGroups(dir, { cipher: cipherOf(key) });
    expect(await onlyPseudonyms(dir, cipherOf(key))).toBe(true);
  });
});

describe("rotating the data key of a directory with pseudonyms", () => {
  /** A directory with pseudonyms under a first key, its map, and that key. */
  async function rotatable(): Promise<{ dir: string; oldKey: Buffer; oldMap: Record<string, string> }> {
    const dir = await makeTempDir();
    const oldKey = newKey();
    await writeDataDirWithoutPseudonyms(dir);
    await (await openFileStore(dir, { cipher: cipherOf(oldKey) })).close();
    return { dir, oldKey, oldMap: await identityMapOf(dir, cipherOf(oldKey)) };
  }

  it("rewrites every document with the new key's pseudonyms and keeps only those in the identity map", async () => {
    const { dir, oldKey, oldMap } = await rotatable();
    const newer = newKey();
    await expectCanaryGroups(dir, { cipher: cipherOf(newer, oldKey) });
    const newMap = await identityMapOf(dir, cipherOf(newer));
    expect(Object.values(newMap).sort()).toEqual(Object.values(oldMap).sort());
    expect(Object.keys(newMap).filter((pseudonym) => pseudonym in oldMap)).toEqual([]);
    const documents = Object.values(await decryptedDocuments(dir, cipherOf(newer))).join("\n");
    for (const pseudonym of Object.keys(oldMap)) expect(documents.includes(pseudonym)).toBe(false);
    await expectCanaryGroups(dir, { cipher: cipherOf(newer) });
  });

  it("reads either key's pseudonyms after an interrupted rotation, and drops the old ones once done", async () => {
    const { dir, oldKey, oldMap } = await rotatable();
    const newer = newKey();
    const rotating = openFileStore(dir, { cipher: cipherOf(newer, oldKey), progress: failAfterTwo });
    await expect(rotating).rejects.toThrow("injected");
    const halfway = await identityMapOf(dir, cipherOf(newer, oldKey));
    expect(Object.keys(halfway)).toHaveLength(2 * Object.keys(oldMap).length);

    await expectCanaryGroups(dir, { cipher: cipherOf(newer, oldKey) });
    const after = await identityMapOf(dir, cipherOf(newer));
    expect(Object.keys(after)).toHaveLength(Object.keys(oldMap).length);
    expect(Object.keys(after).filter((pseudonym) => pseudonym in oldMap)).toEqual([]);
  });
});
