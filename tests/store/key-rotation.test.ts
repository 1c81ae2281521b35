import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { keyIdOf } from "../../src/store/document-cipher.js";
import { openFileStore } from "../../src/store/file-store.js";
import { canaryGroup, cipherOf, filesUnder, hashFiles, newKey, writePlaintextDataDir } from "./encryption-helpers.js";
import { finished, makeTempDir, removeTempDirs } from "./helpers.js";

afterEach(removeTempDirs);

const groupIds = ["alpha", "bravo", "charlie", "delta"];
const root = fileURLToPath(new URL("../..", import.meta.url));

/** A data directory encrypted with a fresh key, and that key. */
async function encryptedDataDir(): Promise<{ dir: string; oldKey: Buffer }> {
  const dir = await makeTempDir();
  await writePlaintextDataDir(dir, groupIds);
  const oldKey = newKey();
  await (await openFileStore(dir, { cipher: cipherOf(oldKey) })).close();
  return { dir, oldKey };
}

/** The key id of each file under `dir`, by relative path. */
async function keyIds(dir: string): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const file of await filesUnder(dir)) {
    ids[file] = (JSON.parse(await readFile(join(dir, file), "utf8")) as { kid: string }).kid;
  }
  return ids;
}

/** Runs `npm run data:rotate-key`'s script with only the given environment. */
function rotateKey(env: Record<string, string>) {
  const script = join(root, "scripts", "rotate-data-key.ts");
  return finished(
    spawn(process.execPath, ["--import", "tsx", script], { cwd: root, env: { PATH: process.env["PATH"], ...env } }),
  );
}

describe("rotating the data encryption key", () => {
  it("re-encrypts every document with the new key while reading the old one, and then needs only the new one", async () => {
    const { dir, oldKey } = await encryptedDataDir();
    const newer = newKey();
    await (await openFileStore(dir, { cipher: cipherOf(newer, oldKey) })).close();
    expect(new Set(Object.values(await keyIds(dir)))).toEqual(new Set([keyIdOf(newer)]));

    const store = await openFileStore(dir, { cipher: cipherOf(newer) });
    expect(await store.readGroup("bravo")).toEqual(canaryGroup("bravo"));
    await store.close();
    await expect(openFileStore(dir, { cipher: cipherOf(oldKey) })).rejects.toThrow(
      `is encrypted with key ${keyIdOf(newer)}`,
    );
  });

  it("loses nothing when it fails part-way: files under either key load, and the next start finishes", async () => {
    const { dir, oldKey } = await encryptedDataDir();
    const newer = newKey();
    const failAfterTwo = (done: number): void => {
      if (done === 2) throw new Error("injected failure");
    };
    const rotating = openFileStore(dir, { cipher: cipherOf(newer, oldKey), progress: failAfterTwo });
    await expect(rotating).rejects.toThrow("injected");
    // The identity map is written under the new key before the first document that uses the new pseudonyms.
    const { "identities.json": identities, ...documents } = await keyIds(dir);
    expect(identities).toBe(keyIdOf(newer));
    const halfway = Object.values(documents);
    expect(halfway.filter((id) => id === keyIdOf(newer))).toHaveLength(2);
    expect(halfway.filter((id) => id === keyIdOf(oldKey))).toHaveLength(3);
    const before = await hashFiles(dir);
    await expect(openFileStore(dir, { cipher: cipherOf(newer) })).rejects.toThrow(
      `is encrypted with key ${keyIdOf(oldKey)}, but the key given is ${keyIdOf(newer)}`,
    );
    expect(await hashFiles(dir)).toEqual(before);

    const store = await openFileStore(dir, { cipher: cipherOf(newer, oldKey) });
    for (const groupId of groupIds) expect(await store.readGroup(groupId)).toEqual(canaryGroup(groupId));
    await store.close();
    expect(new Set(Object.values(await keyIds(dir)))).toEqual(new Set([keyIdOf(newer)]));
  });

  it("runs as `npm run data:rotate-key`, reporting key ids only", async () => {
    const { dir, oldKey } = await encryptedDataDir();
    const newer = newKey();
    const result = await rotateKey({
      DATA_DIR: dir,
      DATA_ENCRYPTION_KEY: newer.toString("base64"),
      DATA_ENCRYPTION_KEY_OLD: oldKey.toString("base64"),
    });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain(`Re-encrypted 5 documents in ${dir}: every document is now encrypted with key`);
    expect(result.stdout).not.toContain(newer.toString("base64"));
    expect(new Set(Object.values(await keyIds(dir)))).toEqual(new Set([keyIdOf(newer)]));
  });

  it("refuses to run without the old key, changing nothing", async () => {
    const { dir } = await encryptedDataDir();
    const before = await hashFiles(dir);
    const result = await rotateKey({ DATA_DIR: dir, DATA_ENCRYPTION_KEY: newKey().toString("base64") });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Cannot rotate the data encryption key:\nSet DATA_ENCRYPTION_KEY to the new key and DATA_ENCRYPTION_KEY_OLD " +
        "to the key the data is encrypted with now.\n",
    );
    expect(await hashFiles(dir)).toEqual(before);
  });

  it("rotates PostgreSQL, not DATA_DIR, when DATABASE_URL is set, and never prints the URL's password", async () => {
    const { dir, oldKey } = await encryptedDataDir();
    const before = await hashFiles(dir);
    const result = await rotateKey({
      DATA_DIR: dir,
      DATABASE_URL: "postgres://cohesion:secret-password@127.0.0.1:1/cohesion",
      DATA_ENCRYPTION_KEY: newKey().toString("base64"),
      DATA_ENCRYPTION_KEY_OLD: oldKey.toString("base64"),
    });
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toBe(
      "Cannot rotate the data encryption key:\nPostgreSQL (DATABASE_URL) cannot be used: error ECONNREFUSED.\n",
    );
    expect(await hashFiles(dir)).toEqual(before);
  });
});
