import { afterAll, expect, it } from "vitest";
import type { Store } from "../../../src/core/store.js";
import { at, marks, members, painTueWorld, recipientsOf, sweepAt } from "../../support/outbox-helpers.js";
import { cipherOf, newKey } from "../encryption-helpers.js";
import { increment } from "../store-contract.js";
import { describePostgres, dropSchemas, freshSchema, openTestStore } from "./postgres-helpers.js";

afterAll(dropSchemas);

/** Two stores on one database, as two Cohesion processes would open it, sharing one key. */
async function twoStores(): Promise<[Store, Store]> {
  const schema = freshSchema();
  const key = newKey();
  const first = await openTestStore({ schema, cipher: cipherOf(key) });
  const second = await openTestStore({ schema, cipher: cipherOf(key) });
  return [first, second];
}

describePostgres("two Cohesion processes on one PostgreSQL database", () => {
  it("lose no update when both change the same group at once", async () => {
    const stores = await twoStores();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) => stores[index % 2]!.updateGroup("pain-tue", (state) => increment(state))),
    );
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    for (const store of stores) expect((await store.readGroup("pain-tue")).answers["counter"]?.value).toBe(40);
    await Promise.all(stores.map((store) => store.close()));
  });

  it("send each member's reminder once when both sweep at the same minute", async () => {
    const stores = await twoStores();
    const worlds = stores.map((store) => painTueWorld({ store }));
    for (const instant of [at.beforeEverything, at.orientationDue, at.reminder1Due]) {
      await Promise.all(worlds.map((world) => sweepAt(world, instant)));
    }
    const reminded = worlds.flatMap((world) => recipientsOf(world, marks.reminder)).sort();
    expect(reminded).toEqual([...members].sort());
    const welcomed = worlds.flatMap((world) => recipientsOf(world, marks.orientation)).sort();
    expect(welcomed).toEqual([...members].sort());
    await Promise.all(stores.map((store) => store.close()));
  });

  it("let one process read what the other wrote, new members included", async () => {
    const [first, second] = await twoStores();
    await second.readGroup("pain-tue");
    await first.updateGroup("pain-tue", (state) => (state.joined["slack:UNEWMEMBER1"] = at.session1Starts));
    expect((await second.readGroup("pain-tue")).joined).toEqual({ "slack:UNEWMEMBER1": at.session1Starts });
    await Promise.all([first.close(), second.close()]);
  });
});
