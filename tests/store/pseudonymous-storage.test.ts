import { existsSync } from "node:fs";
import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StartupError } from "../../src/kernel/errors.js";
import { verifyAuditChain } from "../../src/core/privacy/index.js";
import { openFileStore } from "../../src/store/file-store.js";
import { readGroupDocuments } from "../../src/store/read-groups.js";
import { addressesIn } from "../../src/store/pseudonym-text.js";
import { allBytes, canary, cipherOf, filesUnder, hashFiles, newKey } from "./encryption-helpers.js";
import { makeTempDir, removeTempDirs } from "./helpers.js";
import {
  canaryAddresses,
  canaryTraces,
  decryptedDocuments,
  identityMapOf,
  pseudonymousGroup,
} from "./pseudonym-helpers.js";

afterEach(removeTempDirs);

const conversation = { conversationId: "a:1canary", serviceUrl: "https://smba.example/emea/" };

/** A data directory written through the store with a key: two canary groups, and a Teams conversation by address. */
async function pseudonymousDataDir(): Promise<{ dir: string; key: Buffer }> {
  const dir = await makeTempDir();
  const key = newKey();
  const store = await openFileStore(dir, { cipher: cipherOf(key) });
  for (const groupId of ["pain-tue", "grief-thu"]) {
    await store.updateGroup(groupId, (state) => Object.assign(state, pseudonymousGroup(groupId)));
  }
  await store.updateOrganisation((state) => {
    state.platformData = { teams: { conversations: { [canaryAddresses.teams]: conversation } } };
  });
  await store.close();
  return { dir, key };
}

describe("pseudonymous storage", () => {
  it("keeps no address in any document, only pseudonyms, and each address once in the identity map", async () => {
    const { dir, key } = await pseudonymousDataDir();
    const bytes = await allBytes(dir);
    for (const trace of [...canaryTraces, canary.text]) expect(bytes.includes(trace), trace).toBe(false);

    const documents = await decryptedDocuments(dir, cipherOf(key));
    const { "identities.json": identities, ...others } = documents;
    expect(Object.keys(others).sort()).toEqual(["groups/grief-thu.json", "groups/pain-tue.json", "organisation.json"]);
    for (const [file, text] of Object.entries(others)) {
      for (const trace of canaryTraces) expect(text.includes(trace), `${trace} in ${file}`).toBe(false);
      expect(addressesIn(text), file).toEqual([]);
      expect(text, file).toMatch(/"p_[A-Za-z0-9_-]{22}[|:"]/);
    }
    expect(identities).toBeDefined();
    const map = await identityMapOf(dir, cipherOf(key));
    expect(Object.values(map).sort()).toEqual(Object.values(canaryAddresses).sort());
    expect(Object.keys(map).every((pseudonym) => others["groups/pain-tue.json"]!.includes(pseudonym))).toBe(true);
  });

  it("reads back after a restart exactly what it wrote", async () => {
    const { dir, key } = await pseudonymousDataDir();
    const store = await openFileStore(dir, { cipher: cipherOf(key) });
    expect(await store.readGroup("pain-tue")).toEqual(pseudonymousGroup("pain-tue"));
    expect(await store.readGroup("grief-thu")).toEqual(pseudonymousGroup("grief-thu"));
    expect((await store.readOrganisation()).platformData).toEqual({
      teams: { conversations: { [canaryAddresses.teams]: conversation } },
    });
    await store.close();
  });

  it("verifies each audit chain, written with addresses, after a restart and as audit:verify reads it", async () => {
    const { dir, key } = await pseudonymousDataDir();
    const checked: string[] = [];
    const store = await openFileStore(dir, {
      cipher: cipherOf(key),
      checkGroup: (groupId, state) => {
        expect(verifyAuditChain(groupId, state.audit).ok).toBe(true);
        checked.push(groupId);
      },
    });
    await store.close();
    expect(checked.sort()).toEqual(["grief-thu", "pain-tue"]);
    const groups = await readGroupDocuments(dir, cipherOf(key));
    expect(groups.map((state) => verifyAuditChain(state.groupId, state.audit).ok)).toEqual([true, true]);
    expect(groups[0]?.audit[0]?.actor).toBe(canaryAddresses.console);
  });

  it("refuses to start when a document names a pseudonym missing from the identity map, changing nothing", async () => {
    const { dir, key } = await pseudonymousDataDir();
    const identities = join(dir, "identities.json");
    await copyFile(identities, join(dir, "..", "identities-before.json"));
    const store = await openFileStore(dir, { cipher: cipherOf(key) });
    await store.updateGroup("pain-tue", (state) => (state.joined["slack:UNEWCOMER"] = "2026-01-07T19:00:00.000Z"));
    await store.close();
    await copyFile(join(dir, "..", "identities-before.json"), identities);

    const before = await hashFiles(dir);
    const opening = openFileStore(dir, { cipher: cipherOf(key) });
    await expect(opening).rejects.toBeInstanceOf(StartupError);
    await expect(opening).rejects.toThrow(
      `${join(dir, "groups", "pain-tue.json.journal")} is corrupt (it refers to 1 pseudonym missing from ${identities}`,
    );
    expect(await hashFiles(dir)).toEqual(before);
    expect(existsSync(join(dir, "cohesion.lock"))).toBe(false);
  });

  it("keeps a member's identity while a document refers to them, and forgets it once none does", async () => {
    const { dir, key } = await pseudonymousDataDir();
    const { slack } = canaryAddresses;
    const store = await openFileStore(dir, { cipher: cipherOf(key) });
    expect(await store.forgetIdentity(slack)).toBe(false);
    for (const groupId of ["pain-tue", "grief-thu"]) {
      await store.updateGroup(groupId, (state) => {
        state.answers = Object.fromEntries(Object.entries(state.answers).filter(([answer]) => !answer.includes(slack)));
        state.messages = {};
      });
    }
    expect(await store.forgetIdentity(slack)).toBe(true);
    expect(await store.forgetIdentity("console:never-stored" as typeof slack)).toBe(true);
    await store.close();
    expect(Object.values(await identityMapOf(dir, cipherOf(key)))).not.toContain(slack);

    const reopened = await openFileStore(dir, { cipher: cipherOf(key) });
    expect((await reopened.readGroup("pain-tue")).joined).toEqual({
      [canaryAddresses.teams]: "2026-01-06T19:00:00.000Z",
    });
    await reopened.close();
  });

  it("stores addresses as they are, with no identity map, without a key", async () => {
    const dir = await makeTempDir();
    const store = await openFileStore(dir);
    await store.updateGroup("pain-tue", (state) => Object.assign(state, pseudonymousGroup("pain-tue")));
    expect(await store.forgetIdentity(canaryAddresses.slack)).toBe(false);
    await store.close();
    expect(await filesUnder(dir)).toEqual(["groups/pain-tue.json"]);
    expect(await readFile(join(dir, "groups", "pain-tue.json"), "utf8")).toContain(canaryAddresses.slack);
  });
});
