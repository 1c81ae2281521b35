import { chmod, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openFileStore } from "../../src/store/file-store.js";
import { cipherOf, filesUnder, newKey, writePlaintextDataDir } from "./encryption-helpers.js";
import { makeTempDir, removeTempDirs } from "./helpers.js";
import { increment } from "./store-contract.js";

afterEach(removeTempDirs);

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

/** The mode of the data directory, its groups folder and every file under it, by relative path. */
async function modes(dir: string): Promise<Record<string, number>> {
  const all: Record<string, number> = { ".": await modeOf(dir), groups: await modeOf(join(dir, "groups")) };
  for (const file of await filesUnder(dir)) all[file] = await modeOf(join(dir, file));
  return all;
}

describe.skipIf(process.platform === "win32")("file modes of the data directory", () => {
  for (const encrypted of [false, true]) {
    it(`makes folders 700 and documents and the lock 600 (${encrypted ? "encrypted" : "plain"})`, async () => {
      const dir = join(await makeTempDir(), "data");
      const store = await openFileStore(dir, encrypted ? { cipher: cipherOf(newKey()) } : {});
      await store.updateGroup("pain-tue", (state) => increment(state));
      await store.updateOrganisation((state) => (state.consoleClock = "2026-01-06T18:00:00.000Z"));
      expect(await modes(dir)).toEqual({
        ".": 0o700,
        groups: 0o700,
        "cohesion.lock": 0o600,
        "groups/pain-tue.json": 0o600,
        "organisation.json": 0o600,
        ...(encrypted ? { "organisation.json.journal": 0o600 } : {}),
      });
      await store.close();
    });
  }

  it("creates temporary files 600 whatever the umask, since each becomes the document", async () => {
    const dir = await makeTempDir();
    const previous = process.umask(0);
    try {
      const store = await openFileStore(dir);
      await store.updateGroup("pain-tue", (state) => increment(state));
      await store.close();
    } finally {
      process.umask(previous);
    }
    expect(await modeOf(join(dir, "groups", "pain-tue.json"))).toBe(0o600);
  });

  it("tightens the modes an earlier version left", async () => {
    const dir = await makeTempDir();
    await writePlaintextDataDir(dir, ["pain-tue"]);
    await chmod(dir, 0o755);
    await chmod(join(dir, "groups"), 0o755);
    await chmod(join(dir, "groups", "pain-tue.json"), 0o644);
    await chmod(join(dir, "organisation.json"), 0o644);
    await (await openFileStore(dir)).close();
    expect(await modes(dir)).toEqual({
      ".": 0o700,
      groups: 0o700,
      "groups/pain-tue.json": 0o600,
      "organisation.json": 0o600,
    });
  });
});
