import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { keyIdOf } from "../../src/store/document-cipher.js";
import { openFileStore } from "../../src/store/file-store.js";
import { cipherOf, hashFiles, isSealedFile, newKey, writePlaintextDataDir } from "./encryption-helpers.js";
import { finished, makeTempDir, removeTempDirs } from "./helpers.js";

afterAll(removeTempDirs);

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs `npm start`'s entry point (the console: no chat credentials) with the given environment, then /quit. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main/main.ts"], {
    cwd: root,
    env: { PATH: process.env["PATH"], CONSOLE_START: "2026-11-27T18:00:00Z", ...env },
  });
  child.stdin.end("/quit\n");
  return finished(child);
}

// Each test starts its own Cohesion process on its own data directory, so they may run side by side.
describe.concurrent("starting Cohesion with encryption at rest", () => {
  it("refuses to start in production without a key, with a clear message and no stack trace", async () => {
    const dir = join(await makeTempDir(), "data");
    const result = await start({ NODE_ENV: "production", DATA_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Cohesion cannot start:\nNODE_ENV=production needs DATA_ENCRYPTION_KEY.*\n$/);
    expect(result.stderr).toContain("DATA_ENCRYPTION=off");
    expect(existsSync(dir)).toBe(false);
  });

  it("refuses a wrong key with a clear message, leaving every file byte-identical", async () => {
    const dir = await makeTempDir();
    await writePlaintextDataDir(dir, ["pain-tue"]);
    const key = newKey();
    await (await openFileStore(dir, { cipher: cipherOf(key) })).close();
    const before = await hashFiles(dir);
    const wrong = newKey();
    const result = await start({
      NODE_ENV: "production",
      DATA_DIR: dir,
      DATA_ENCRYPTION_KEY: wrong.toString("base64"),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cohesion cannot start:\n${join(dir, "organisation.json")} is encrypted with key`);
    expect(result.stderr).toContain(`${keyIdOf(key)}, but the key given is ${keyIdOf(wrong)}`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain(wrong.toString("base64"));
    expect(await hashFiles(dir)).toEqual(before);
  });

  it("runs the console demo without a key, keeping its data as plain JSON", async () => {
    const dir = await makeTempDir();
    const result = await start({ DATA_DIR: dir });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("Cohesion · local console");
    expect(result.stdout).toContain("Goodbye. Your data is saved");
    expect(JSON.parse(await readFile(join(dir, "organisation.json"), "utf8"))).toHaveProperty("consoleClock");
  });

  it("runs the console with a key, keeping its data encrypted", async () => {
    const dir = await makeTempDir();
    const result = await start({ DATA_DIR: dir, DATA_ENCRYPTION_KEY: newKey().toString("base64") });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(await isSealedFile(join(dir, "organisation.json"))).toBe(true);
  });
});
