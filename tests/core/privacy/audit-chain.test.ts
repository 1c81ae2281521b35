import { describe, expect, it } from "vitest";
import { toAddress } from "../../../src/kernel/address.js";
import { emptyGroupState, type GroupState } from "../../../src/core/state.js";
import { appendAudit, auditGenesis, verifyAuditChain, type AuditEntry } from "../../../src/core/privacy/index.js";

const okafor = toAddress("console:okafor");
const sam = toAddress("console:sam");

/** A group whose log has `count` entries, appended an hour apart. */
function loggedGroup(count: number): GroupState {
  const state = emptyGroupState("pain-tue");
  for (let index = 0; index < count; index += 1) {
    appendAudit(state, okafor, "alert-acknowledged", new Date(Date.UTC(2026, 11, 1, index)), `alert-${index}`);
  }
  return state;
}

const verify = (entries: AuditEntry[]) => verifyAuditChain("pain-tue", entries);

describe("the audit log's hash chain", () => {
  it("chains each appended entry to the one before, from the group's genesis", () => {
    const { audit } = loggedGroup(3);
    expect(audit[0]?.prev).toBe(auditGenesis("pain-tue"));
    expect(audit[1]?.prev).toBe(audit[0]?.hash);
    expect(audit[2]?.prev).toBe(audit[1]?.hash);
    expect(verify(audit)).toEqual({ ok: true, entries: 3, legacy: 0, acknowledged: [], head: audit[2]?.hash });
  });

  it("detects a deleted entry at the entry that followed it", () => {
    const { audit } = loggedGroup(4);
    audit.splice(1, 1);
    expect(verify(audit)).toMatchObject({ ok: false, entry: 2, problem: expect.stringContaining("deleted") });
  });

  it("detects a deleted first entry", () => {
    const { audit } = loggedGroup(2);
    audit.shift();
    expect(verify(audit)).toMatchObject({ ok: false, entry: 1 });
  });

  it("detects a changed actor, even with the entry's hash recomputed", () => {
    const naive = loggedGroup(3).audit;
    naive[1] = { ...naive[1]!, actor: sam };
    expect(verify(naive)).toMatchObject({ ok: false, entry: 2, problem: expect.stringContaining("changed") });
    const careful = loggedGroup(3).audit;
    const { at, action, subject } = careful[1]!;
    careful[1] = appendedAfter(careful[0]!, { at, actor: sam, action, ...(subject ? { subject } : {}) });
    expect(verify(careful)).toMatchObject({ ok: false, entry: 3 });
  });

  it("detects reordered entries", () => {
    const { audit } = loggedGroup(3);
    [audit[0], audit[1]] = [audit[1]!, audit[0]!];
    expect(verify(audit)).toMatchObject({ ok: false, entry: 1 });
  });

  it("detects an inserted entry, with or without a hash", () => {
    const bare = loggedGroup(3).audit;
    bare.splice(1, 0, { at: "2026-12-01T00:30:00.000Z", actor: sam, action: "export-member-answers" });
    expect(verify(bare)).toMatchObject({ ok: false, entry: 2, problem: expect.stringContaining("no hash") });
    const forged = loggedGroup(3).audit;
    forged.splice(
      1,
      0,
      appendedAfter(forged[0]!, { at: "2026-12-01T00:30:00.000Z", actor: sam, action: "export-member-answers" }),
    );
    expect(verify(forged)).toMatchObject({ ok: false, entry: 3 });
  });

  it("detects a log copied from another group", () => {
    expect(verifyAuditChain("hiv-thu", loggedGroup(2).audit)).toMatchObject({ ok: false, entry: 1 });
  });

  it("passes over an acknowledged break only, and goes on checking after it", () => {
    const { audit } = loggedGroup(5);
    audit.splice(1, 1);
    expect(verifyAuditChain("pain-tue", audit, new Set([2]))).toMatchObject({ ok: true, acknowledged: [2] });
    audit[2] = { ...audit[2]!, actor: sam };
    expect(verifyAuditChain("pain-tue", audit, new Set([2]))).toMatchObject({ ok: false, entry: 3 });
    expect(verifyAuditChain("pain-tue", audit, new Set([1]))).toMatchObject({ ok: false, entry: 2 });
  });

  it("accepts a log written before the chain, and chains it, in order, at the next append", () => {
    const state = emptyGroupState("pain-tue");
    state.audit = [
      { at: "2026-11-01T10:00:00.000Z", actor: okafor, action: "export-aggregates", subject: "2 rows" },
      { at: "2026-11-02T10:00:00.000Z", actor: sam, action: "alert-resolved" },
    ];
    expect(verify(state.audit)).toMatchObject({ ok: true, entries: 2, legacy: 2 });
    appendAudit(state, okafor, "attendance-recorded", new Date("2026-11-03T10:00:00Z"), "session 1");
    expect(state.audit.map((entry) => [entry.actor, entry.subject])).toEqual([
      [okafor, "2 rows"],
      [sam, undefined],
      [okafor, "session 1"],
    ]);
    expect(state.audit.every((entry) => entry.hash !== undefined)).toBe(true);
    expect(verify(state.audit)).toMatchObject({ ok: true, entries: 3, legacy: 0 });
    state.audit[0] = { ...state.audit[0]!, actor: sam };
    expect(verify(state.audit)).toMatchObject({ ok: false, entry: 1 });
  });

  it("refuses an unhashed entry after hashed ones", () => {
    const { audit } = loggedGroup(2);
    audit.push({ at: "2026-12-02T00:00:00.000Z", actor: sam, action: "export-member-answers" });
    expect(verify(audit)).toMatchObject({ ok: false, entry: 3 });
  });
});

/** `entry` properly sealed after `before`, as someone recomputing hashes offline would write it. */
function appendedAfter(before: AuditEntry, entry: AuditEntry): AuditEntry {
  const state = emptyGroupState("pain-tue");
  state.audit = [before];
  appendAudit(state, entry.actor, entry.action, new Date(entry.at), entry.subject);
  return state.audit[1]!;
}
