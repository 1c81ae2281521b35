import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StartupError } from "../../src/kernel/errors.js";
import { openFileStore } from "../../src/store/file-store.js";
import { deadPid, finished, makeTempDir, removeTempDirs, spawnFixture } from "./helpers.js";

afterEach(removeTempDirs);

describe("data directory lock", () => {
  it("holds a lock file with this process's pid while open and removes it on close", async () => {
    const dir = await makeTempDir();
    const store = await openFileStore(dir);
    expect((await readFile(join(dir, "cohesion.lock"), "utf8")).trim()).toBe(String(process.pid));
    await store.close();
    expect(existsSync(join(dir, "cohesion.lock"))).toBe(false);
  });

  it("refuses a second process while the store is open here", async () => {
    const dir = await makeTempDir();
    const store = await openFileStore(dir);
    try {
      const result = await finished(spawnFixture("open-store.ts", [dir]));
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`StartupError: Another Cohesion process (pid ${process.pid}) is using ${dir}.`);
    } finally {
      await store.close();
    }
  });

  it("refuses to open the same directory twice in one process", async () => {
    const dir = await makeTempDir();
    const store = await openFileStore(dir);
    await expect(openFileStore(dir)).rejects.toBeInstanceOf(StartupError);
    await store.close();
  });

  it("takes over a lock left by a process that is no longer running", async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, "cohesion.lock"), `${await deadPid()}\n`);
    const store = await openFileStore(dir);
    expect((await readFile(join(dir, "cohesion.lock"), "utf8")).trim()).toBe(String(process.pid));
    await store.close();
  });

  it("takes over a lock carrying its own pid, as after a container restart", async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, "cohesion.lock"), `${process.pid}\n`);
    const store = await openFileStore(dir);
    await store.close();
  });

  it("lets a second process open the directory once the first has closed it", async () => {
    const dir = await makeTempDir();
    await (await openFileStore(dir)).close();
    const result = await finished(spawnFixture("open-store.ts", [dir]));
    expect(result).toMatchObject({ code: 0, stdout: "opened\n" });
  });
});
