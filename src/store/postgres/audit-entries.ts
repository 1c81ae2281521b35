import { isDeepStrictEqual } from "node:util";
import type { Patch } from "immer";
import type { ClientBase, Pool } from "pg";
import {
  auditEntrySchema,
  auditGenesis,
  auditLinkAfter,
  sealAuditEntry,
  type AuditEntry,
} from "../../core/privacy/index.js";
import { corruptDocument } from "../document-errors.js";
import type { RowFormats } from "./row-format.js";

/** The key of a group's document whose entries are kept in audit_entries rather than in its payload and changes. */
export const auditKey = "audit";

const rowsAfterHeld =
  "FROM audit_entries a WHERE a.group_id = d.id " +
  "AND a.seq > CASE WHEN $2::bigint >= d.payload_version THEN $4::integer ELSE 0 END ORDER BY a.seq";

/**
 * The columns a group's row `d` is read with ($2 the version held, $4 the number of entries held in rows): whether
 * its entries are in audit_entries yet, and the numbers and payloads of the rows after those held, or of every row
 * when the payload is read again (the held version is older than it).
 */
export const auditColumns =
  `d.audit_in_table, ARRAY(SELECT a.seq ${rowsAfterHeld}) AS audit_seqs, ` +
  `ARRAY(SELECT a.payload ${rowsAfterHeld}) AS audit_payloads`;

/** A group's audit log in audit_entries: one row per entry, sealed like the group's payload, only ever added to. */
export class AuditRows {
  constructor(
    private readonly groupId: string,
    private readonly formats: RowFormats,
  ) {}

  /** The entries of the rows numbered `seqs` (`payloads`), which must be those after entry `after`. */
  async decode(
    db: ClientBase | Pool,
    seqs: readonly number[],
    payloads: readonly Buffer[],
    after: number,
  ): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for (const [index, payload] of payloads.entries()) {
      const seq = after + index + 1;
      if (seqs[index] !== seq) throw corruptDocument(this.where(seq), "the entry is missing");
      const decoded = await this.formats.format(this.name(seq)).decode(this.where(seq), payload, db);
      const entry = auditEntrySchema.safeParse(decoded);
      if (!entry.success) throw corruptDocument(this.where(seq), "not a valid audit entry");
      entries.push(entry.data);
    }
    return entries;
  }

  /**
   * In the transaction of `client`: the rows for the entries `next` adds to `before` (whose first `stored` have rows
   * already). Throws, writing nothing, when `next` removes or changes an entry, except a log written before the
   * chain receiving its chained form (as appendAudit does), whose rows are then sealed again.
   */
  async write(
    client: ClientBase,
    before: readonly AuditEntry[],
    stored: number,
    next: readonly AuditEntry[],
  ): Promise<void> {
    if (chainedAnew(this.groupId, before, next))
      for (const [index, entry] of next.slice(0, stored).entries()) {
        const seq = index + 1;
        await client.query("UPDATE audit_entries SET hashed = true, payload = $3 WHERE group_id = $1 AND seq = $2", [
          this.groupId,
          seq,
          await this.formats.format(this.name(seq)).encode(client, entry),
        ]);
      }
    for (const [index, entry] of next.slice(stored).entries()) {
      const seq = stored + index + 1;
      await client.query("INSERT INTO audit_entries (group_id, seq, hashed, payload) VALUES ($1, $2, $3, $4)", [
        this.groupId,
        seq,
        entry.hash !== undefined,
        await this.formats.format(this.name(seq)).encode(client, entry),
      ]);
    }
  }

  // Bound to the group and the entry's number, so that a row copied elsewhere fails authentication.
  private name(seq: number): string {
    return `groups/${this.groupId}/audit/${seq}`;
  }

  private where(seq: number): string {
    return `audit_entries row ${seq} of group "${this.groupId}" in PostgreSQL`;
  }
}

// Whether `next` begins with `before` chained anew (a log written before the chain); false when it begins with
// `before` as it is; otherwise an entry was removed or changed, which is refused.
function chainedAnew(groupId: string, before: readonly AuditEntry[], next: readonly AuditEntry[]): boolean {
  const kept = next.slice(0, before.length);
  if (kept.length === before.length && kept.every((entry, index) => sameEntry(entry, before[index]))) return false;
  if (before.every(unchained) && isDeepStrictEqual(kept, chained(groupId, before))) return true;
  const changed = before.findIndex((entry, index) => !sameEntry(next[index], entry)) + 1;
  throw new Error(
    `The audit log of group "${groupId}" is append-only: entry ${changed} may not be removed or changed.`,
  );
}

function sameEntry(a: AuditEntry | undefined, b: AuditEntry | undefined): boolean {
  return a === b || isDeepStrictEqual(a, b);
}

function unchained(entry: AuditEntry): boolean {
  return entry.hash === undefined && entry.prev === undefined;
}

function chained(groupId: string, entries: readonly AuditEntry[]): AuditEntry[] {
  let prev = auditGenesis(groupId);
  return entries.map((entry) => {
    const sealed = sealAuditEntry(entry, prev);
    prev = auditLinkAfter(sealed);
    return sealed;
  });
}

/** Whether `patch` changes the audit log. */
export function touchesAudit(patch: Patch): boolean {
  return patch.path[0] === auditKey;
}

/** The audit log of a group's `data`. */
export function auditOf(data: object): readonly AuditEntry[] {
  return (data as { [auditKey]?: AuditEntry[] })[auditKey] ?? [];
}

/** `data` with `added` after the entries of its audit log. */
export function withAudit<T>(data: T, added: readonly AuditEntry[]): T {
  if (added.length === 0) return data;
  return { ...data, [auditKey]: [...auditOf(data as object), ...added] };
}

/** `data` without its audit log, as its payload holds it. */
export function withoutAudit(data: object): object {
  const payload: Record<string, unknown> = { ...data };
  delete payload[auditKey];
  return payload;
}
