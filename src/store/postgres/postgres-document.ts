import { applyPatches } from "immer";
import type { ClientBase, Pool } from "pg";
import { applyChange, frozenState, takesDataAway } from "../draft-change.js";
import { addressesInJson } from "../pseudonyms.js";
import { SerialQueue } from "../serial-queue.js";
import {
  decodeChanges,
  deleteChanges,
  insertChange,
  type DocumentChange,
  type DocumentRow,
} from "./document-changes.js";
import type { RowFormat } from "./row-format.js";
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
}

interface StoredRow {
  version: string;
  payload_version: string;
  changes_bytes: string;
  payload_bytes: number | null;
  // Left out (null) when the held version is at least the payload's, and while the document has never been written.
  payload: Buffer | null;
  // The changes after the held version, or after the payload's when it is sent.
  changes: Buffer[];
}

/**
 * One document in a row (its payload, a snapshot) and the rows of the changes made since, written only inside a
 * transaction that holds the row's lock (SELECT ... FOR UPDATE), so that updates from every process apply one after
 * another. The last version read is kept; a newer one is reached by reading only the changes after it.
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
        const bound = Math.max(smallestChangesBound, (stored?.payload_bytes ?? 0) * changesShare);
        const fold = !stored?.payload_bytes || Number(stored.changes_bytes) > bound || takesDataAway(applied.patches);
        const version = String(BigInt(held.version) + 1n);
        const written = fold
          ? await this.writePayload(client, version, applied.next)
          : await this.writeChange(client, held, { version: Number(version), patches: applied.patches }, applied.next);
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
    this.keep(await this.writePayload(client, held.version, held.data));
  }

  /** Resolves once every update queued so far has finished. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async current(db: ClientBase | Pool, known: Held<T> | undefined): Promise<Held<T>> {
    return (await this.fetch(db, known)).held;
  }

  // One statement, so that the row and its changes are read as of one moment.
  private async fetch(
    db: ClientBase | Pool,
    known: Held<T> | undefined,
  ): Promise<{ held: Held<T>; stored: StoredRow | undefined }> {
    const { rows } = await db.query<StoredRow>(
      "SELECT version, payload_version, changes_bytes, octet_length(payload) AS payload_bytes, " +
        "CASE WHEN $2::bigint >= payload_version THEN NULL ELSE payload END AS payload, " +
        "ARRAY(SELECT c.payload FROM document_changes c WHERE c.document_table = $3 AND c.id = d.id " +
        "AND c.version > CASE WHEN $2::bigint >= d.payload_version THEN $2::bigint ELSE d.payload_version END " +
        `AND c.version <= d.version ORDER BY c.version) AS changes FROM ${this.row.table} d WHERE d.id = $1`,
      [this.row.id, known?.version, this.row.table],
    );
    const stored = rows[0];
    if (!stored) return { held: { version: "0", data: this.initial(), named: new Set() }, stored };
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
    if (changes.length === 0) return { ...base, version: stored.version };
    const patches = changes.flatMap((each) => each.patches);
    const replayed: T = applyPatches(base.data, patches);
    const data = fromPayload ? frozenState(this.parse(replayed)) : replayed;
    return { version: stored.version, data, named: union(base.named, addressesInJson(patches)) };
  }

  private async payloadOf(db: ClientBase | Pool, stored: StoredRow): Promise<Held<T>> {
    if (stored.payload === null) return { version: stored.payload_version, data: this.initial(), named: new Set() };
    const json = await this.format.decode(this.where, stored.payload, db);
    return { version: stored.payload_version, data: frozenState(this.parse(json)), named: addressesInJson(json) };
  }

  private async writePayload(client: ClientBase, version: string, data: T): Promise<Held<T>> {
    const payload = await this.format.encode(client, data);
    await client.query(
      `UPDATE ${this.row.table} SET version = $2, payload_version = $2, changes_bytes = 0, payload = $3 WHERE id = $1`,
      [this.row.id, version, payload],
    );
    await deleteChanges(client, this.row);
    return { version, data, named: addressesInJson(data) };
  }

  private async writeChange(client: ClientBase, held: Held<T>, change: DocumentChange, next: T): Promise<Held<T>> {
    const bytes = await insertChange(client, this.row, change, this.format);
    await client.query(`UPDATE ${this.row.table} SET version = $2, changes_bytes = changes_bytes + $3 WHERE id = $1`, [
      this.row.id,
      change.version,
      bytes,
    ]);
    return { version: String(change.version), data: next, named: union(held.named, addressesInJson(change.patches)) };
  }

  private keep(version: Held<T>): void {
    if (this.held === undefined || BigInt(version.version) >= BigInt(this.held.version)) this.held = version;
  }
}

function union(held: ReadonlySet<string>, added: ReadonlySet<string>): ReadonlySet<string> {
  if ([...added].every((address) => held.has(address))) return held;
  return new Set([...held, ...added]);
}
