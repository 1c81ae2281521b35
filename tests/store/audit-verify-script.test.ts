import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { toAddress } from "../../src/kernel/address.js";
import { editAuditLog, writeAuditedDataDir } from "../main/audit-chain-data.js";
import { cipherOf, hashFiles, newKey } from "./encryption-helpers.js";
import { finished, makeTempDir, removeTempDirs } from "./helpers.js";
import { identityMapOf } from "./pseudonym-helpers.js";

afterEach(removeTempDirs);

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs `npm run audit:verify`'s script with the given environment. */
function verify(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/verify-audit.ts"], {
    cwd: root,
    env: { PATH: process.env["PATH"], ...env },
  });
  return finished(child);
}

describe("npm run audit:verify", () => {
  it("says OK for each group of an encrypted directory with pseudonyms, with the key from the environment, writing nothing", async () => {
    const dir = await makeTempDir();
    const key = newKey();
    await writeAuditedDataDir(dir, "pain-tue", 3, cipherOf(key));
    await writeAuditedDataDir(dir, "hiv-thu", 1, cipherOf(key));
    expect(Object.keys(await identityMapOf(dir, cipherOf(key)))).toHaveLength(1);
    const before = await hashFiles(dir);
    const result = await verify({ DATA_DIR: dir, DATA_ENCRYPTION_KEY: key.toString("base64") });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^hiv-thu: OK, 1 entry, last hash [0-9a-f]{64}\npain-tue: OK, 3 entries, /);
    expect(result.stdout).toContain("2 groups verified.");
    expect(await hashFiles(dir)).toEqual(before);
  });

  it("names the first broken entry and exits 1", async () => {
    const dir = await makeTempDir();
    await writeAuditedDataDir(dir, "pain-tue", 3);
    await writeAuditedDataDir(dir, "hiv-thu", 2);
    await editAuditLog(dir, "pain-tue", (audit) => (audit[1] = { ...audit[1]!, actor: toAddress("console:sam") }));
    const result = await verify({ DATA_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("hiv-thu: OK, 2 entries");
    expect(result.stdout).toContain("pain-tue: BROKEN at entry 2: what it holds does not match its hash");
    expect(result.stdout).toContain("1 of 2 groups have a broken audit log.");
  });

  it("refuses without the key for an encrypted directory, with no stack trace", async () => {
    const dir = await makeTempDir();
    await writeAuditedDataDir(dir, "pain-tue", 1, cipherOf(newKey()));
    const result = await verify({ DATA_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Cannot verify the audit logs:\n.*is encrypted/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("reads PostgreSQL, not DATA_DIR, when DATABASE_URL is set, and never prints the URL's password", async () => {
    const dir = await makeTempDir();
    await writeAuditedDataDir(dir, "pain-tue", 1);
    const result = await verify({ DATA_DIR: dir, DATABASE_URL: "postgres://cohesion:secret-password@127.0.0.1:1/c" });
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toBe(
      "Cannot verify the audit logs:\nPostgreSQL (DATABASE_URL) cannot be used: error ECONNREFUSED.\n",
    );
  });
});
