import type { AuditEntry } from "../../src/core/privacy/index.js";

/** Audit entries without their chain fields (prev, hash), to compare what was recorded. */
export function withoutChain(entries: readonly AuditEntry[]): Omit<AuditEntry, "prev" | "hash">[] {
  return entries.map(({ prev: _prev, hash: _hash, ...entry }) => entry);
}
