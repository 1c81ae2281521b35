import { afterAll, expect, it } from "vitest";
import type { Store } from "../../../src/core/store.js";
import { createSeenEvents } from "../../../src/platforms/slack/inbound/seen-requests.js";
import { ManualClock } from "../../support/fakes.js";
import { describeKeyClaimContract, events, minutesLater } from "../key-claim-contract.js";
import { describePostgres, dropSchemas, freshSchema, openTestStore, rawRows } from "./postgres-helpers.js";

afterAll(dropSchemas);

const now = minutesLater(0);

/** Two stores on one schema, as two Cohesion processes (replicas) would open it. */
async function twoProcesses(schema = freshSchema()): Promise<[Store, Store]> {
  return [await openTestStore({ schema }), await openTestStore({ schema })];
}

async function heldRows(schema: string): Promise<{ namespace: string; digest: string }[]> {
  return rawRows(schema, "SELECT namespace, digest FROM remembered_keys ORDER BY namespace, digest");
}

describePostgres("PostgreSQL store", () => {
  describeKeyClaimContract(async () => {
    const schema = freshSchema();
    return () => openTestStore({ schema });
  });

  it("grants each key to exactly one of two processes claiming the same keys at once, new or expired", async () => {
    const stores = await twoProcesses();
    const digests = Array.from({ length: 40 }, (_, index) => `digest-${index}`);
    async function winnersAt(instant: Date): Promise<string[]> {
      const claims = digests.flatMap((digest) =>
        [...stores, ...stores].map(async (store) => {
          const won = await store.claimKey(events, digest, new Date(instant.getTime() + 60 * 60_000), instant);
          return { digest, won };
        }),
      );
      return (await Promise.all(claims)).filter(({ won }) => won).map(({ digest }) => digest);
    }
    expect((await winnersAt(now)).sort()).toEqual([...digests].sort());
    expect((await winnersAt(minutesLater(60))).sort()).toEqual([...digests].sort());
    await Promise.all(stores.map((store) => store.close()));
  });

  it("keeps the keys each process claimed, so a repeat is recognised by either", async () => {
    const [first, second] = await twoProcesses();
    const clock = new ManualClock(now);
    const [firstSeen, secondSeen] = [createSeenEvents(first, clock), createSeenEvents(second, clock)];
    expect(await firstSeen.claim("Ev0FIRST")).toBe(false);
    expect(await secondSeen.claim("Ev0SECOND")).toBe(false);
    expect(await firstSeen.claim("Ev0THIRD")).toBe(false);
    for (const seen of [firstSeen, secondSeen])
      for (const id of ["Ev0FIRST", "Ev0SECOND", "Ev0THIRD"]) expect(await seen.claim(id)).toBe(true);
    await Promise.all([first.close(), second.close()]);
  });

  it("stores only short hashes, in its own table, and leaves the organisation document unwritten", async () => {
    const schema = freshSchema();
    const store = await openTestStore({ schema });
    await createSeenEvents(store, new ManualClock(now)).claim("Ev0HASHED");
    const rows = await heldRows(schema);
    expect(rows).toEqual([{ namespace: "slack.seenEvents", digest: expect.stringMatching(/^[\w-]{22}$/) }]);
    expect(JSON.stringify(rows)).not.toContain("Ev0HASHED");
    expect(await rawRows(schema, "SELECT id FROM organisation_document")).toEqual([]);
    await store.close();
  });

  it("honours the claims an earlier version kept in the organisation document, and takes them out of it", async () => {
    const schema = freshSchema();
    const store = await openTestStore({ schema });
    await store.updateOrganisation((state) => {
      const held = { "digest-old": minutesLater(30).toISOString(), "digest-gone": minutesLater(5).toISOString() };
      state.platformData = { slack: { team: "kept", seenEvents: held } };
    });
    expect(await store.claimKey(events, "digest-old", minutesLater(70), minutesLater(10))).toBe(false);
    expect(await store.claimKey(events, "digest-gone", minutesLater(70), minutesLater(10))).toBe(true);
    expect((await store.readOrganisation()).platformData).toEqual({ slack: { team: "kept" } });
    expect((await heldRows(schema)).map((row) => row.digest).sort()).toEqual(["digest-gone", "digest-old"]);
    await store.close();
  });

  it("deletes expired claims now and then, not on every claim", async () => {
    const schema = freshSchema();
    const store = await openTestStore({ schema });
    await store.claimKey(events, "expires-soon", minutesLater(1), now);
    await store.claimKey(events, "expires-later", minutesLater(60), minutesLater(2));
    expect((await heldRows(schema)).map((row) => row.digest).sort()).toEqual(["expires-later", "expires-soon"]);
    await store.claimKey(events, "claimed-much-later", minutesLater(90), minutesLater(30));
    expect((await heldRows(schema)).map((row) => row.digest).sort()).toEqual(["claimed-much-later", "expires-later"]);
    await store.close();
  });
});
