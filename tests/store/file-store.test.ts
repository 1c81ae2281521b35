import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StartupError } from "../../src/kernel/errors.js";
import { emptyGroupState, groupStateSchema } from "../../src/core/state.js";
import { openFileStore } from "../../src/store/file-store.js";
import { makeTempDir, removeTempDirs } from "./helpers.js";
import { describeStoreContract, increment } from "./store-contract.js";

afterEach(removeTempDirs);

describe("file store", () => {
  describeStoreContract(async () => openFileStore(await makeTempDir()));

  it("keeps data across close and reopen", async () => {
    const dir = await makeTempDir();
    const first = await openFileStore(dir);
    await first.updateGroup("pain-tue", (state) => increment(state));
    await first.updateOrganisation((state) => (state.consoleClock = "2025-01-06T18:00:00.000Z"));
    await first.close();

    const second = await openFileStore(dir);
    expect((await second.readGroup("pain-tue")).answers["counter"]?.value).toBe(1);
    expect((await second.readOrganisation()).consoleClock).toBe("2025-01-06T18:00:00.000Z");
    await second.close();
  });

  it("writes each group to groups/<groupId>.json as a valid document", async () => {
    const dir = await makeTempDir();
    const store = await openFileStore(dir);
    await store.updateGroup("pain-tue", (state) => increment(state));
    const json: unknown = JSON.parse(await readFile(join(dir, "groups", "pain-tue.json"), "utf8"));
    expect(groupStateSchema.parse(json).answers["counter"]?.value).toBe(1);
    await store.close();
  });

  it("writes nothing when a change throws", async () => {
    const dir = await makeTempDir();
    const store = await openFileStore(dir);
    const failing = store.updateGroup("pain-tue", () => {
      throw new Error("no");
    });
    await expect(failing).rejects.toThrow("no");
    expect(existsSync(join(dir, "groups", "pain-tue.json"))).toBe(false);
    await store.close();
  });

  it("removes temporary files left by an interrupted write when it opens", async () => {
    const dir = await makeTempDir();
    await mkdir(join(dir, "groups"));
    const leftover = join(dir, "groups", ".pain-tue.json.123-4.cohesion-tmp");
    await writeFile(leftover, "{ half a docu");
    const store = await openFileStore(dir);
    expect(await readdir(join(dir, "groups"))).toEqual([]);
    await store.close();
  });

  it("refuses a group id that cannot safely name a file", async () => {
    const store = await openFileStore(await makeTempDir());
    await expect(store.readGroup("../escape")).rejects.toThrow("cannot name a file");
    await store.close();
  });

  it("rejects use after close", async () => {
    const store = await openFileStore(await makeTempDir());
    await store.close();
    await expect(store.readGroup("pain-tue")).rejects.toThrow("closed");
  });
});

describe("file store with a corrupt document", () => {
  const valid = emptyGroupState("pain-tue");
  const group = "groups/pain-tue.json";
  const cases = [
    { what: "is not valid JSON", file: group, text: '{"schemaVersion": 1, "groupId": ', expected: "not valid JSON" },
    { what: "has the wrong shape", file: group, text: JSON.stringify({ ...valid, answers: [] }), expected: "answers" },
    {
      what: "has another schemaVersion",
      file: group,
      text: JSON.stringify({ ...valid, schemaVersion: 2 }),
      expected: "schemaVersion 2",
    },
    {
      what: "belongs to another group",
      file: group,
      text: JSON.stringify(emptyGroupState("grief-thu")),
      expected: 'holds group "grief-thu"',
    },
    {
      what: "is an invalid organisation document",
      file: "organisation.json",
      text: '{"schemaVersion": 1, "stray": 1}',
      expected: 'Unrecognized key: "stray"',
    },
  ];

  for (const { what, file, text, expected } of cases) {
    it(`stops start-up with a StartupError naming the file when it ${what}, leaving the file as it was`, async () => {
      const dir = await makeTempDir();
      const path = join(dir, file);
      await mkdir(join(dir, "groups"), { recursive: true });
      await writeFile(path, text);
      const before = await readFile(path);

      const opening = openFileStore(dir);
      await expect(opening).rejects.toBeInstanceOf(StartupError);
      await expect(opening).rejects.toThrow(path);
      await expect(opening).rejects.toThrow(expected);

      expect((await readFile(path)).equals(before)).toBe(true);
      expect(existsSync(join(dir, "cohesion.lock"))).toBe(false);
    });
  }
});
