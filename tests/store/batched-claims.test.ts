import { describe, expect, it } from "vitest";
import { emptyOrganisationState, type OrganisationState } from "../../src/core/state.js";
import { BatchedClaims, type OrganisationDocument } from "../../src/store/batched-claims.js";

const namespace = { platform: "slack", field: "seenSignatures", capacity: 100 } as const;
const now = new Date("2026-11-30T18:00:00Z");
const until = new Date("2026-11-30T18:11:00Z");

/** An organisation document that counts its writes, each waiting until the gate is opened. */
class GatedDocument implements OrganisationDocument {
  state: OrganisationState = emptyOrganisationState();
  writes = 0;
  open: () => void = () => undefined;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));

  read(): Readonly<OrganisationState> {
    return this.state;
  }

  async update<R>(change: (state: OrganisationState) => R): Promise<R> {
    this.writes += 1;
    await this.gate;
    const draft = structuredClone(this.state);
    const result = change(draft);
    this.state = draft;
    return result;
  }
}

// Every claim already made has reached the batch (their reads resolve within the current turn).
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("claims kept in the organisation document", () => {
  it("a burst of requests is written in a few writes, not one each, and each claim resolves once stored", async () => {
    const document = new GatedDocument();
    const claims = new BatchedClaims(document);
    const first = claims.claim(namespace, "first", until, now);
    await settled();
    const burst = Array.from({ length: 49 }, (_, i) => claims.claim(namespace, `burst-${i}`, until, now));
    await settled();
    document.open();
    expect(await first).toBe(true);
    expect(await Promise.all(burst)).toEqual(Array(49).fill(true));
    expect(document.writes).toBe(2);
    expect(Object.keys(document.state.platformData?.slack?.["seenSignatures"] ?? {})).toHaveLength(50);
  });

  it("the same key asked for twice at once is claimed once, and asked again is refused without a write", async () => {
    const document = new GatedDocument();
    document.open();
    const claims = new BatchedClaims(document);
    const both = await Promise.all([
      claims.claim(namespace, "same", until, now),
      claims.claim(namespace, "same", until, now),
    ]);
    expect(both.sort()).toEqual([false, true]);
    const writes = document.writes;
    expect(await claims.claim(namespace, "same", until, now)).toBe(false);
    expect(document.writes).toBe(writes);
  });

  it("a write that fails fails every claim in it, and the next claims are written again", async () => {
    const document = new GatedDocument();
    document.open();
    const claims = new BatchedClaims(document);
    const update = document.update.bind(document);
    document.update = () => Promise.reject(new Error("disk full"));
    await expect(claims.claim(namespace, "lost", until, now)).rejects.toThrow("disk full");
    document.update = update;
    expect(await claims.claim(namespace, "lost", until, now)).toBe(true);
  });
});
