import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { toAddress } from "../../src/kernel/address.js";
import { openFileStore } from "../../src/store/file-store.js";
import { auditChainGuard } from "../../src/main/audit-chain-guard.js";
import { acknowledgedAuditBreaks, readEnv } from "../../src/main/config.js";
import { startupMessage } from "./startup-message.js";
import { hashFiles } from "../store/encryption-helpers.js";
import { finished, makeTempDir, removeTempDirs } from "../store/helpers.js";
import { editAuditLog, writeAuditedDataDir } from "./audit-chain-data.js";

afterEach(removeTempDirs);

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

/** Opens the data directory the way start-up does: each group's audit chain checked as it loads. */
function openWith(dir: string, env: Record<string, string> = {}) {
  return openFileStore(dir, { checkGroup: auditChainGuard(acknowledgedAuditBreaks(readEnv(env))) });
}

describe("starting Cohesion with the audit log's hash chain", () => {
  it("refuses a broken chain, naming the group and the entry, changing no file", async () => {
    const dir = await makeTempDir();
    await writeAuditedDataDir(dir, "pain-tue", 4);
    await editAuditLog(dir, "pain-tue", (audit) => audit.splice(1, 1));
    const before = await hashFiles(dir);
    const result = await start({ DATA_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Cohesion cannot start:\nThe audit log of group "pain-tue" is broken at entry 2: /);
    expect(result.stderr).toContain("AUDIT_CHAIN_ACKNOWLEDGED=pain-tue:2");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await hashFiles(dir)).toEqual(before);
  });

  it("starts with that break acknowledged, and with no other acknowledgement", async () => {
    const dir = await makeTempDir();
    await writeAuditedDataDir(dir, "pain-tue", 4);
    await editAuditLog(dir, "pain-tue", (audit) => (audit[1] = { ...audit[1]!, actor: toAddress("console:sam") }));
    await (await openWith(dir, { AUDIT_CHAIN_ACKNOWLEDGED: "pain-tue:2" })).close();
    await expect(openWith(dir, { AUDIT_CHAIN_ACKNOWLEDGED: "pain-tue:3" })).rejects.toThrow(
      'group "pain-tue" is broken at entry 2',
    );
  });

  it("refuses an acknowledgement that does not name one entry of one group", () => {
    expect(startupMessage(() => readEnv({ AUDIT_CHAIN_ACKNOWLEDGED: "pain-tue" }))).toContain(
      "environment variable AUDIT_CHAIN_ACKNOWLEDGED: expected <group>:<entry number>",
    );
  });

  it("loads a log written before the chain, and chains it at the next entry", async () => {
    const dir = await makeTempDir();
    await writeAuditedDataDir(dir, "pain-tue", 2);
    await editAuditLog(dir, "pain-tue", (audit) => audit.forEach((entry) => (delete entry.prev, delete entry.hash)));
    await (await openWith(dir)).close();
    await writeAuditedDataDir(dir, "pain-tue", 1);
    const store = await openFileStore(dir);
    const { audit } = await store.readGroup("pain-tue");
    await store.close();
    expect(audit).toHaveLength(3);
    expect(audit.every((entry) => entry.prev !== undefined && entry.hash !== undefined)).toBe(true);
  });
});
