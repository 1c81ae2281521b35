import { describe, expect, it } from "vitest";
import type { KeyNamespace, Store } from "../../src/core/store.js";

/** The namespace of Slack's event ids, as Cohesion claims them. */
export const events: KeyNamespace = { platform: "slack", field: "seenEvents", capacity: 2000 };
/** The namespace of Teams' activity ids. */
export const activities: KeyNamespace = { platform: "teams", field: "seenActivities", capacity: 2000 };

const now = new Date("2025-01-06T18:00:00.000Z");

/** The instant `minutes` after the contract's present. */
export function minutesLater(minutes: number): Date {
  return new Date(now.getTime() + minutes * 60_000);
}

/**
 * How every Store claims keys, run against stores that `place` opens: each call of `place` makes a new place to keep
 * data (a directory, a schema) and resolves with an opener of stores on it, as a restarted process would open them.
 */
export function describeKeyClaimContract(place: () => Promise<() => Promise<Store>>): void {
  async function withStore(test: (store: Store) => Promise<void>): Promise<void> {
    const store = await (await place())();
    try {
      await test(store);
    } finally {
      await store.close();
    }
  }

  describe("claiming keys", () => {
    it("claims a key once, and refuses it while the claim holds", () =>
      withStore(async (store) => {
        expect(await store.claimKey(events, "digest-one", minutesLater(60), now)).toBe(true);
        expect(await store.claimKey(events, "digest-one", minutesLater(60), now)).toBe(false);
        expect(await store.claimKey(events, "digest-one", minutesLater(119), minutesLater(59))).toBe(false);
        expect(await store.claimKey(events, "digest-two", minutesLater(60), now)).toBe(true);
      }));

    it("lets a key be claimed again once its claim has expired, and holds the new claim", () =>
      withStore(async (store) => {
        await store.claimKey(events, "digest-one", minutesLater(60), now);
        expect(await store.claimKey(events, "digest-one", minutesLater(120), minutesLater(60))).toBe(true);
        expect(await store.claimKey(events, "digest-one", minutesLater(121), minutesLater(61))).toBe(false);
      }));

    it("keeps namespaces apart", () =>
      withStore(async (store) => {
        expect(await store.claimKey(events, "digest-one", minutesLater(60), now)).toBe(true);
        expect(await store.claimKey(activities, "digest-one", minutesLater(60), now)).toBe(true);
        expect(await store.claimKey(activities, "digest-one", minutesLater(60), now)).toBe(false);
      }));

    it("of 50 claims of one key at once, grants exactly one", () =>
      withStore(async (store) => {
        const claims = Array.from({ length: 50 }, () => store.claimKey(events, "digest-one", minutesLater(60), now));
        expect((await Promise.all(claims)).filter(Boolean)).toHaveLength(1);
      }));

    it("still holds a claim after the store is closed and opened again", async () => {
      const open = await place();
      const first = await open();
      await first.claimKey(events, "digest-one", minutesLater(60), now);
      await first.close();
      const second = await open();
      try {
        expect(await second.claimKey(events, "digest-one", minutesLater(70), minutesLater(10))).toBe(false);
        expect(await second.claimKey(events, "digest-two", minutesLater(70), minutesLater(10))).toBe(true);
      } finally {
        await second.close();
      }
    });
  });
}
