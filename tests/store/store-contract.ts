import { describe, expect, it } from "vitest";
import { toAddress } from "../../src/kernel/address.js";
import type { Store } from "../../src/core/store.js";
import { emptyGroupState, emptyOrganisationState, type GroupState } from "../../src/core/state.js";

const at = "2025-01-06T18:00:00.000Z";

/** Adds one to a counter kept as the answer under `key`, returning the new count. */
export function increment(state: GroupState, key = "counter"): number {
  const value = (state.answers[key]?.value ?? 0) + 1;
  state.answers[key] = { value, at };
  return value;
}

/** The behaviour every Store must have, run against the store that `open` returns. */
export function describeStoreContract(open: () => Promise<Store>): void {
  async function withStore(test: (store: Store) => Promise<void>): Promise<void> {
    const store = await open();
    try {
      await test(store);
    } finally {
      await store.close();
    }
  }

  describe("store behaviour", () => {
    it("gives an empty group and organisation before anything is stored", () =>
      withStore(async (store) => {
        expect(await store.readGroup("pain-tue")).toEqual(emptyGroupState("pain-tue"));
        expect(await store.readOrganisation()).toEqual(emptyOrganisationState());
      }));

    it("keeps an update and resolves with what the change returned", () =>
      withStore(async (store) => {
        expect(await store.updateGroup("pain-tue", (state) => increment(state))).toBe(1);
        expect((await store.readGroup("pain-tue")).answers["counter"]?.value).toBe(1);
        await store.updateOrganisation((state) => (state.consoleClock = at));
        expect((await store.readOrganisation()).consoleClock).toBe(at);
      }));

    it("leaves the state unchanged when the change throws, and keeps accepting updates", () =>
      withStore(async (store) => {
        await store.updateGroup("pain-tue", (state) => increment(state));
        const failing = store.updateGroup("pain-tue", (state) => {
          increment(state);
          increment(state, "other");
          throw new Error("change failed");
        });
        await expect(failing).rejects.toThrow("change failed");
        const state = await store.readGroup("pain-tue");
        expect(state.answers["counter"]?.value).toBe(1);
        expect(state.answers["other"]).toBeUndefined();
        expect(await store.updateGroup("pain-tue", (s) => increment(s))).toBe(2);
      }));

    it("does not let a state read earlier change when a later update is applied", () =>
      withStore(async (store) => {
        const before = await store.readGroup("pain-tue");
        await store.updateGroup("pain-tue", (state) => increment(state));
        expect(before.answers).toEqual({});
      }));

    it("resolves with plain values when the change returns part of the state it changed", () =>
      withStore(async (store) => {
        const answers = await store.updateGroup("pain-tue", (state) => {
          increment(state);
          return { answers: state.answers, counter: state.answers["counter"] };
        });
        expect(answers.counter).toEqual({ value: 1, at });
        expect(Object.keys(answers.answers)).toEqual(["counter"]);
      }));

    it("gives states that nothing but an update can change", () =>
      withStore(async (store) => {
        await store.updateGroup("pain-tue", (state) => increment(state));
        const state = (await store.readGroup("pain-tue")) as GroupState;
        expect(() => increment(state)).toThrow(TypeError);
        expect(() => (state.joined["slack:USTRAY1"] = at)).toThrow(TypeError);
        expect((await store.readGroup("pain-tue")).answers["counter"]?.value).toBe(1);
      }));

    it("applies 50 concurrent updates one after another without losing any", () =>
      withStore(async (store) => {
        const results = await Promise.all(
          Array.from({ length: 50 }, () => store.updateGroup("pain-tue", (state) => increment(state))),
        );
        expect(results).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
        expect((await store.readGroup("pain-tue")).answers["counter"]?.value).toBe(50);
      }));

    it("keeps groups apart", () =>
      withStore(async (store) => {
        await Promise.all([
          store.updateGroup("pain-tue", (state) => increment(state)),
          store.updateGroup("grief-thu", (state) => increment(state, "grief")),
        ]);
        expect(Object.keys((await store.readGroup("pain-tue")).answers)).toEqual(["counter"]);
        expect(Object.keys((await store.readGroup("grief-thu")).answers)).toEqual(["grief"]);
        expect((await store.readGroup("grief-thu")).groupId).toBe("grief-thu");
      }));

    it("forgets a member's identity once no stored document refers to them any more", () =>
      withStore(async (store) => {
        const member = toAddress("slack:UFORGOTTEN1");
        await store.updateGroup("pain-tue", (state) => (state.joined[member] = at));
        await store.updateGroup("pain-tue", (state) => delete state.joined[member]);
        expect(await store.forgetIdentity(member)).toBe(true);
        expect((await store.readGroup("pain-tue")).joined).toEqual({});
      }));
  });
}
