// The schema-1 data set (tests/store/fixtures/schema-1, written by tests/support/make-schema-1-data-set.ts with the code
// of its day) must open in this version with nothing lost. The encrypted copy is sealed with schema1Key, a test key.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { auditChainGuard } from "../../src/main/audit-chain-guard.js";
import { DocumentCipher } from "../../src/store/document-cipher.js";
import { openFileStore } from "../../src/store/file-store.js";
import { command } from "../support/flows.js";
import { schema1Groups, schema1Key, schema1KeyBase64 } from "../support/schema-1-data-set.js";
import { makeWorld } from "../support/world.js";
import { removeTempDirs } from "./helpers.js";
import { asWritten, copyOf, countsIn, manifest, runScript as run } from "./schema-1-helpers.js";

afterEach(removeTempDirs);

const open = (dir: string, encrypted: boolean) =>
  openFileStore(dir, {
    cipher: encrypted ? new DocumentCipher(schema1Key) : undefined,
    checkGroup: auditChainGuard(new Map()),
  });

describe("a data directory written by schema 1", () => {
  it("records what the data set holds: several groups, every kind of record, and urgent alerts", () => {
    expect(manifest.schemaVersion).toBe(1);
    expect(Object.keys(manifest.groups).sort()).toEqual([...schema1Groups]);
    const painTue = manifest.groups["pain-tue"];
    expect(painTue?.outboxByStatus).toMatchObject({ sent: expect.any(Number), failed: expect.any(Number) });
    expect(Object.keys(painTue?.outboxByStatus ?? {}).length).toBeGreaterThanOrEqual(3);
    for (const kind of [
      "answers",
      "prompts",
      "alerts",
      "audit",
      "rsvps",
      "paused",
      "informed",
      "frozenClimate",
    ] as const)
      expect(painTue?.[kind]).toBeGreaterThan(0);
  });

  it("opens encrypted with its key, every answer, prompt, outbox entry, alert and audit entry still there", async () => {
    const dir = await copyOf("encrypted");
    const store = await open(dir, true);
    try {
      expect(await countsIn(store)).toEqual(asWritten());
      const alerts = Object.values((await store.readGroup("pain-tue")).alerts);
      expect(alerts).toMatchObject([{ kind: "risk-text", member: "console:ana" }]);
      expect((await store.readOrganisation()).memberCodeKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    } finally {
      await store.close();
    }
  });

  it("still opens after its first start, in the form that start left, with the same counts", async () => {
    const dir = await copyOf("encrypted");
    await (await open(dir, true)).close();
    const reopened = await open(dir, true);
    try {
      expect(await countsIn(reopened)).toEqual(asWritten());
    } finally {
      await reopened.close();
    }
  });

  it("opens unencrypted as written with DATA_ENCRYPTION=off, and encrypts it whole when a key is given", async () => {
    const dir = await copyOf("plain");
    const plain = await open(dir, false);
    expect(await countsIn(plain)).toEqual(asWritten());
    await plain.close();
    const encrypted = await open(dir, true);
    try {
      expect(await countsIn(encrypted)).toEqual(asWritten());
    } finally {
      await encrypted.close();
    }
    expect(await readFile(join(dir, "groups", "pain-tue.json"), "utf8")).not.toContain("console:ana");
  });

  it("gives a lead a summary of it: the urgent alert, session 1's figures and the RSVPs", async () => {
    const store = await open(await copyOf("encrypted"), true);
    try {
      const world = makeWorld({ store, now: "2026-12-09T20:00:00Z" });
      const summary = await command(world, "console:okafor", "summary pain-tue");
      expect(summary).toContain("Safety: 1 urgent alert open, raised 8 days ago, acknowledged.");
      expect(summary).toContain("Pulse 3.8 (5 answers) · Responses 5 of 6 (83%) · RSVP 2 yes, 1 can't come");
      const segt = await command(world, "console:lindqvist", "summary segt-thu");
      expect(segt).toContain("Engaged 4.3 · Avoiding 2.1 · Conflict 1.4 · 3 full check-ins");
    } finally {
      await store.close();
    }
  });

  it("passes `npm run audit:verify` with its key", async () => {
    const dir = await copyOf("encrypted");
    const result = await run("scripts/verify-audit.ts", { DATA_DIR: dir, DATA_ENCRYPTION_KEY: schema1KeyBase64 });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^pain-tue: OK, 3 entries, last hash [0-9a-f]{64}\nsegt-thu: OK, 1 entry, /);
    expect(result.stdout).toContain("2 groups verified.");
  });

  it("starts Cohesion (the console) on it, and loads again with the same counts after it quits", async () => {
    const dir = await copyOf("encrypted");
    const env = { DATA_DIR: dir, DATA_ENCRYPTION_KEY: schema1KeyBase64, CONSOLE_START: "2026-11-27T18:00:00Z" };
    const result = await run("src/main/main.ts", env, "/quit\n");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const store = await open(dir, true);
    try {
      expect(await countsIn(store)).toEqual(asWritten());
    } finally {
      await store.close();
    }
  });
});
