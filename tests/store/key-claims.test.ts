import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/core/store.js";
import { openFileStore } from "../../src/store/file-store.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { makeTempDir, removeTempDirs } from "./helpers.js";
import { describeKeyClaimContract, events, minutesLater } from "./key-claim-contract.js";

afterEach(removeTempDirs);

const now = minutesLater(0);

async function heldEvents(store: Store): Promise<Record<string, unknown>> {
  return ((await store.readOrganisation()).platformData?.slack?.["seenEvents"] ?? {}) as Record<string, unknown>;
}

async function filesIn(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const files = names.map(async (entry) => {
    const path = join(entry.parentPath, entry.name);
    return [path, (await readFile(path)).toString("base64")] as const;
  });
  return Object.fromEntries(await Promise.all(files));
}

describe("MemoryStore", () => {
  describeKeyClaimContract(async () => {
    const store = new MemoryStore();
    return async () => store;
  });
});

describe("file store", () => {
  describeKeyClaimContract(async () => {
    const dir = await makeTempDir();
    return () => openFileStore(dir);
  });

  it("keeps its claims in the organisation document, as hashes with their expiry", async () => {
    const store = await openFileStore(await makeTempDir());
    await store.claimKey(events, "digest-one", minutesLater(60), now);
    expect(await heldEvents(store)).toEqual({ "digest-one": minutesLater(60).toISOString() });
    await store.close();
  });

  it("writes nothing when a claim is refused", async () => {
    const dir = await makeTempDir();
    const store = await openFileStore(dir);
    await store.claimKey(events, "digest-one", minutesLater(60), now);
    const before = await filesIn(dir);
    expect(await store.claimKey(events, "digest-one", minutesLater(70), minutesLater(10))).toBe(false);
    expect(await filesIn(dir)).toEqual(before);
    await store.close();
  });

  it("honours the claims an earlier run left in the organisation document", async () => {
    const dir = await makeTempDir();
    const earlier = await openFileStore(dir);
    await earlier.updateOrganisation((state) => {
      state.platformData = { slack: { seenEvents: { "digest-old": minutesLater(30).toISOString() } } };
    });
    await earlier.close();
    const store = await openFileStore(dir);
    expect(await store.claimKey(events, "digest-old", minutesLater(70), minutesLater(10))).toBe(false);
    expect(await store.claimKey(events, "digest-old", minutesLater(90), minutesLater(30))).toBe(true);
    await store.close();
  });

  it("drops expired claims, and beyond its capacity the soonest to expire, on each claim", async () => {
    const store = await openFileStore(await makeTempDir());
    const small = { ...events, capacity: 3 };
    for (const [index, digest] of ["d1", "d2", "d3", "d4"].entries())
      await store.claimKey(small, digest, minutesLater(60 + index), now);
    expect(Object.keys(await heldEvents(store))).toEqual(["d2", "d3", "d4"]);
    await store.claimKey(small, "d5", minutesLater(125), minutesLater(62));
    expect(Object.keys(await heldEvents(store))).toEqual(["d4", "d5"]);
    await store.close();
  });

  it("leaves the rest of the organisation's platform data as it was", async () => {
    const store = await openFileStore(await makeTempDir());
    await store.updateOrganisation((state) => {
      state.platformData = { slack: { team: "kept" }, teams: { conversations: {} } };
    });
    await store.claimKey(events, "digest-one", minutesLater(60), now);
    expect((await store.readOrganisation()).platformData).toEqual({
      slack: { team: "kept", seenEvents: { "digest-one": minutesLater(60).toISOString() } },
      teams: { conversations: {} },
    });
    await store.close();
  });
});
