import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/core/store.js";
import { openFileStore, type FileStoreOptions } from "../../src/store/file-store.js";
import {
  allBytes,
  canary,
  cipherOf,
  filesUnder,
  hashFiles,
  isSealedFile,
  newKey,
  writePlaintextDataDir,
} from "./encryption-helpers.js";
import { makeTempDir, removeTempDirs, spawnFixture } from "./helpers.js";

afterEach(removeTempDirs);

const groupIds = ["alpha", "bravo", "charlie", "delta"];

/** Every document the store holds, to compare before and after encryption. */
async function contents(store: Store, ids: readonly string[]): Promise<unknown> {
  return {
    organisation: await store.readOrganisation(),
    groups: await Promise.all(ids.map((id) => store.readGroup(id))),
  };
}

/** Opens `dir`, reads every document, closes. */
async function readAll(dir: string, ids: readonly string[], options: FileStoreOptions = {}): Promise<unknown> {
  const store = await openFileStore(dir, options);
  try {
    return await contents(store, ids);
  } finally {
    await store.close();
  }
}

/** Which files under `dir` are encrypted (a temp file a killed write left half-written is neither, and is skipped). */
async function sealedFiles(dir: string): Promise<string[]> {
  const files = (await filesUnder(dir)).filter((file) => !file.endsWith(".cohesion-tmp"));
  const sealed = await Promise.all(files.map((file) => isSealedFile(join(dir, file))));
  return files.filter((_, index) => sealed[index]);
}

describe("a data directory written before encryption", () => {
  it("keeps loading as before without a key, changing no byte", async () => {
    const dir = await makeTempDir();
    await writePlaintextDataDir(dir, groupIds);
    const before = await hashFiles(dir);
    expect(await readAll(dir, groupIds)).toMatchObject({ organisation: { consoleClock: "2026-01-06T18:00:00.000Z" } });
    expect(await hashFiles(dir)).toEqual(before);
  });

  it("is encrypted on the first start with a key, the organisation last, and loads as before", async () => {
    const dir = await makeTempDir();
    await writePlaintextDataDir(dir, groupIds);
    const plain = await readAll(dir, groupIds);
    const key = newKey();
    const organisationSealed: boolean[] = [];
    const store = await openFileStore(dir, {
      cipher: cipherOf(key),
      progress: (done, total) => {
        expect([done, total]).toEqual([organisationSealed.length + 1, groupIds.length + 1]);
        organisationSealed.push(readFileSync(join(dir, "organisation.json"), "utf8").includes("cohesion-sealed"));
      },
    });
    expect(await contents(store, groupIds)).toEqual(plain);
    await store.close();
    expect(organisationSealed).toEqual([false, false, false, false, true]);
    expect(await sealedFiles(dir)).toEqual(await filesUnder(dir));
    expect((await allBytes(dir)).includes(canary.text)).toBe(false);
    expect(await readAll(dir, groupIds, { cipher: cipherOf(key) })).toEqual(plain);
  });

  it("loses nothing when encrypting fails part-way, and finishes on the next start", async () => {
    const dir = await makeTempDir();
    await writePlaintextDataDir(dir, groupIds);
    const plain = await readAll(dir, groupIds);
    const key = newKey();
    const failAfterTwo = (done: number): void => {
      if (done === 2) throw new Error("injected failure");
    };
    await expect(openFileStore(dir, { cipher: cipherOf(key), progress: failAfterTwo })).rejects.toThrow("injected");
    const halfway = await sealedFiles(dir);
    expect(halfway.filter((file) => file.startsWith("groups/"))).toHaveLength(2);
    expect(halfway).not.toContain("organisation.json");
    expect(halfway).toContain("identities.json");

    expect(await readAll(dir, groupIds, { cipher: cipherOf(key) })).toEqual(plain);
    expect(await sealedFiles(dir)).toEqual(await filesUnder(dir));
  });

  it("loses nothing when the process is killed while encrypting", async () => {
    const dir = await makeTempDir();
    const many = Array.from({ length: 40 }, (_, index) => `group-${index}`);
    await writePlaintextDataDir(dir, many);
    const plain = await readAll(dir, many);
    const key = newKey();
    const child = spawnFixture("encrypt-store.ts", [dir, key.toString("base64")]);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("close", (_code, signal) => resolve(signal)),
    );
    for await (const line of createInterface({ input: child.stdout! })) {
      if (line === "encrypted 3") child.kill("SIGKILL");
    }
    expect(await exited).toBe("SIGKILL");
    expect((await sealedFiles(dir)).length).toBeGreaterThanOrEqual(3);

    expect(await readAll(dir, many, { cipher: cipherOf(key) })).toEqual(plain);
    expect(await sealedFiles(dir)).toEqual(await filesUnder(dir));
  });

  it("refuses a wrong key part-way through, changing no byte", async () => {
    const dir = await makeTempDir();
    await writePlaintextDataDir(dir, groupIds);
    const stop = (done: number): void => {
      if (done === 1) throw new Error("injected failure");
    };
    await expect(openFileStore(dir, { cipher: cipherOf(newKey()), progress: stop })).rejects.toThrow("injected");
    const before = await hashFiles(dir);
    await expect(openFileStore(dir, { cipher: cipherOf(newKey()) })).rejects.toThrow("is encrypted with key");
    expect(await hashFiles(dir)).toEqual(before);
  });
});
