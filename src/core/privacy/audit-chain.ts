import { createHash } from "node:crypto";
import type { AuditEntry } from "./audit-entry.js";

/** What verifying one group's audit log found: the whole chain holds, or the first entry (1-based) where it breaks. */
export type AuditChainCheck =
  | { ok: true; entries: number; legacy: number; acknowledged: number[]; head: string | undefined }
  | { ok: false; entry: number; problem: string };

/** The `prev` of a group's first entry; naming the group means a log copied from another group does not verify. */
export function auditGenesis(groupId: string): string {
  return sha256(`cohesion-audit-v1:${groupId}`);
}

/** The SHA-256 of the entry's canonical JSON (keys sorted, no spaces), without its own `hash`. */
export function auditEntryHash(entry: AuditEntry): string {
  const fields = Object.entries(entry)
    .filter(([key, value]) => key !== "hash" && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return sha256(JSON.stringify(Object.fromEntries(fields)));
}

/** The entry chained after `prev`: `prev` recorded, and its `hash` sealing everything it holds. */
export function sealAuditEntry(entry: AuditEntry, prev: string): AuditEntry {
  const linked: AuditEntry = { ...entry, prev };
  delete linked.hash;
  return { ...linked, hash: auditEntryHash(linked) };
}

/** What the entry after `entry` must record as its `prev`. */
export function auditLinkAfter(entry: AuditEntry): string {
  return entry.hash ?? auditEntryHash(entry);
}

/**
 * Checks every link of the chain: each entry's `prev` is the `hash` of the one before (the genesis for the first) and
 * its `hash` matches what it holds. Entries before the first hashed one were written before the chain (legacy); an
 * unhashed entry after it is a break. A break at an entry number in `acknowledged` is passed over, and the chain
 * goes on from what that entry records.
 */
export function verifyAuditChain(
  groupId: string,
  entries: readonly AuditEntry[],
  acknowledged: ReadonlySet<number> = new Set(),
): AuditChainCheck {
  let expected = auditGenesis(groupId);
  let legacy = 0;
  const passed: number[] = [];
  for (const [index, entry] of entries.entries()) {
    const number = index + 1;
    const unhashed = entry.prev === undefined && entry.hash === undefined;
    if (unhashed && legacy === index) legacy += 1;
    const problem = unhashed && legacy === number ? undefined : linkProblem(entry, expected);
    if (problem !== undefined) {
      if (!acknowledged.has(number)) return { ok: false, entry: number, problem };
      passed.push(number);
    }
    expected = auditLinkAfter(entry);
  }
  return {
    ok: true,
    entries: entries.length,
    legacy,
    acknowledged: passed,
    head: entries.length > 0 ? expected : undefined,
  };
}

function linkProblem(entry: AuditEntry, expected: string): string | undefined {
  if (entry.prev === undefined || entry.hash === undefined)
    return "it has no hash, but entries before it have: it was inserted, or its hash removed";
  if (entry.prev !== expected)
    return "it does not follow the entry before it: an entry was deleted, inserted or moved, or the one before was changed";
  if (entry.hash !== auditEntryHash(entry)) return "what it holds does not match its hash: it was changed";
  return undefined;
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
