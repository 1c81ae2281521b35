import { applyPatches } from "immer";
import type { ClientBase, Pool } from "pg";
import type { AuditEntry } from "../../core/privacy/index.js";
import { corruptDocument } from "../document-errors.js";
import { applyChange, frozenState, takesDataAway } from "../draft-change.js";
import { addressesInJson } from "../pseudonyms.js";
import { SerialQueue } from "../serial-queue.js";
import { auditKey, auditOf, touchesAudit, withAudit, withoutAudit, type AuditRows } from "./audit-entries.js";
import {
  decodeChanges,
  deleteChanges,
  insertChange,
  type DocumentChange,
  type DocumentRow,
} from "./document-changes.js";
import type { RowFormat } from "./row-format.js";
import { selectStoredRow, type StoredRow } from "./stored-row.js";
import { inTransaction } from "./transaction.js";

export type { DocumentRow } from "./document-changes.js";

// The changes are folded into a new payload once they outgrow half of it, as the file store folds its journal.
const changesShare = 0.5;
const smallestChangesBound = 64 * 1024;

interface Held<T> {
  readonly version: string;
  readonly data: T;
  // The addresses the stored payload and changes name: the identity map must keep them while they do.
  readonly named: ReadonlySet<string>;
  // Whether the audit log is in rows of its own (always, once this version of Cohesion has written the document).
  readonly auditApart: boolean;
}

/**
 * One document in a row (its payload, a snapshot) and the rows of the changes made since, written only inside a
 * transaction that holds the row's lock (SELECT ... FOR UPDATE), so that updates from every process apply one after
 * another. The last version read is kept; a newer one is reached by reading only the changes after it. A group's
 * audit log, given `auditRows`, is kept in rows of its own instead, one per entry, written in the same transaction.
 */
export class PostgresDocument<T extends object> {
  private readonly queue = new SerialQueue();
  private held: Held<T> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly row: DocumentRow,
    private readonly format: RowFormat,
    private readonly parse: (json: unknown) => T,
    private readonly initial: () => T,
    // Taken in every writing transaction before the row's lock.
    private readonly beforeWriting: (client: ClientBase) => Promise<void>,
    private readonly auditRows?: AuditRows,
  ) {}

  /** Where the document is, for messages. */
  get where(): string {
    return `${this.row.table} row ${JSON.stringify(this.row.id)} in PostgreSQL`;
  }

  /** The document's current data, read through `db` (a transaction's connection, or any of the pool's). */
  async read(db: ClientBase | Pool = this.pool): Promise<Readonly<T>> {
    return (await this.current(db, this.held)).data;
  }

  /** Applies `change` to a draft of the data, stores its patches as a change and commits; a throw writes nothing. */
  update<R>(change: (state: T) => R): Promise<R> {
    return this.queue.run(async () => {
      const { result, written } = await inTransaction(this.pool, async (client) => {
        await this.beforeWriting(client);
        // The row must exist to be locked; a transaction that throws takes it away again.
        await client.query(`INSERT INTO ${this.row.table} (id) VALUES ($1) ON CONFLICT (id) DO NOTHING`, [this.row.id]);
        await client.query(`SELECT 1 FROM ${this.row.table} WHERE id = $1 FOR UPDATE`, [this.row.id]);
        const { held, stored } = await this.fetch(client, this.held);
        const applied = applyChange(held.data, change);
        if (applied.patches.length === 0) return { result: applied.result, written: undefined };
        await this.writeAudit(client, held, applied.next);
        const patches = this.auditRows ? applied.patches.filter((patch) => !touchesAudit(patch)) : applied.patches;
        const bound = Math.max(smallestChangesBound, (stored?.payload_bytes ?? 0) * changesShare);
        const fold =
          !held.auditApart || !stored?.payload_bytes || Number(stored.changes_bytes) > bound || takesDataAway(patches);
        const version = String(BigInt(held.version) + 1n);
        const written = fold
          ? await this.writePayload(client, version, applied.next)
          : await this.writeChange(client, held, { version: Number(version), patches }, applied.next);
        return { result: applied.result, written };
      });
      if (written) this.keep(written);
      return result;
    });
  }

  /**
   * In the transaction of `client` (which holds the lock every writer shares, alone): when the stored payload or
   * changes name `address`, writes the current data as a new payload and deletes the changes, so none names it.
   */
  async foldNaming(client: ClientBase, address: string): Promise<void> {
    const { held, stored } = await this.fetch(client, this.held);
    if (!stored || !held.named.has(address)) return;
    await this.writeAudit(client, held, held.data);
    this.keep(await this.writePayload(client, held.version, held.data));
  }

  /** Resolves once every update queued so far has finished. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async current(db: ClientBase | Pool, known: Held<T> | undefined): Promise<Held<T>> {
    return (await this.fetch(db, known)).held;
  }

  private async fetch(
    db: ClientBase | Pool,
    known: Held<T> | undefined,
  ): Promise<{ held: Held<T>; stored: StoredRow | undefined }> {
    const auditHeld = this.auditRows ? (known ? this.auditRowsOf(known) : 0) : undefined;
    const stored = await selectStoredRow(db, this.row, known?.version, auditHeld);
    if (!stored) return { held: { ...this.empty(), version: "0" }, stored };
    if (known?.version === stored.version) return { held: known, stored };
    const held = await this.catchUp(db, stored, known);
    this.keep(held);
    return { held, stored };
  }

  // From the held data when the payload is not newer, else from the payload; a full read is validated as a whole.
  private async catchUp(db: ClientBase | Pool, stored: StoredRow, known: Held<T> | undefined): Promise<Held<T>> {
    const fromPayload = stored.payload !== null || known === undefined;
    const base = fromPayload ? await this.payloadOf(db, stored) : known;
    const after = fromPayload ? stored.payload_version : known.version;
    const changes = await decodeChanges(stored.changes, after, stored.version, this.format, this.where, db);
    const patches = changes.flatMap((each) => each.patches);
    if (stored.audit_in_table && this.auditRows && patches.some(touchesAudit))
      throw corruptDocument(this.where, "a change holds audit entries, which are kept in audit_entries");
    const added = fromPayload ? [] : await this.auditAfter(db, stored, this.auditRowsOf(known));
    if (changes.length === 0 && added.length === 0) return { ...base, version: stored.version };
    const replayed: T = withAudit(applyPatches(base.data, patches), added);
    const data = fromPayload ? frozenState(this.parse(replayed)) : frozenState(replayed);
    return { ...base, version: stored.version, data, named: union(base.named, addressesInJson(patches)) };
  }

  private async payloadOf(db: ClientBase | Pool, stored: StoredRow): Promise<Held<T>> {
    if (stored.payload === null) return { ...this.empty(), version: stored.payload_version };
    const json = await this.format.decode(this.where, stored.payload, db);
    const auditApart = stored.audit_in_table;
    let whole = json;
    if (this.auditRows && auditApart) {
      if (typeof json === "object" && json !== null && auditKey in json)
        throw corruptDocument(this.where, "its payload holds audit entries, which are kept in audit_entries");
      whole = withAudit(json as T, await this.auditAfter(db, stored, 0));
    }
    const data = frozenState(this.parse(whole));
    return { version: stored.payload_version, data, named: addressesInJson(json), auditApart };
  }

  private async writePayload(client: ClientBase, version: string, data: T): Promise<Held<T>> {
    const kept = this.auditRows ? withoutAudit(data) : data;
    const payload = await this.format.encode(client, kept);
    await client.query(
      `UPDATE ${this.row.table} SET version = $2, payload_version = $2, changes_bytes = 0, payload = $3` +
        `${this.auditRows ? ", audit_in_table = true" : ""} WHERE id = $1`,
      [this.row.id, version, payload],
    );
    await deleteChanges(client, this.row);
    return { version, data, named: addressesInJson(kept), auditApart: true };
  }

  // The rows for the entries `next` adds to the held log (every entry, while they are still in the payload).
  private async writeAudit(client: ClientBase, held: Held<T>, next: T): Promise<void> {
    await this.auditRows?.write(client, auditOf(held.data), this.auditRowsOf(held), auditOf(next));
  }

  private async auditAfter(db: ClientBase | Pool, stored: StoredRow, after: number): Promise<AuditEntry[]> {
    if (!this.auditRows || !stored.audit_in_table) return [];
    return this.auditRows.decode(db, stored.audit_seqs, stored.audit_payloads, after);
  }

  private auditRowsOf(held: Held<T>): number {
    return this.auditRows && held.auditApart ? auditOf(held.data).length : 0;
  }

  private empty(): Omit<Held<T>, "version"> {
    return { data: this.initial(), named: new Set(), auditApart: true };
  }

  private async writeChange(client: ClientBase, held: Held<T>, change: DocumentChange, next: T): Promise<Held<T>> {
    const bytes = await insertChange(client, this.row, change, this.format);
    await client.query(`UPDATE ${this.row.table} SET version = $2, changes_bytes = changes_bytes + $3 WHERE id = $1`, [
      this.row.id,
      change.version,
      bytes,
    ]);
    const named = union(held.named, addressesInJson(change.patches));
    return { version: String(change.version), data: next, named, auditApart: true };
  }

  private keep(version: Held<T>): void {
    if (this.held === undefined || BigInt(version.version) >= BigInt(this.held.version)) this.held = version;
  }
}

function union(held: ReadonlySet<string>, added: ReadonlySet<string>): ReadonlySet<string> {
  if ([...added].every((address) => held.has(address))) return held;
  return new Set([...held, ...added]);
}
