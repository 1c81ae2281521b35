import type { ClientBase, Pool } from "pg";
import { SerialQueue } from "../serial-queue.js";
import type { RowFormat } from "./row-format.js";
import { inTransaction } from "./transaction.js";

/** Where a document is kept: its table and its row's id. */
export interface DocumentRow {
  readonly table: "group_documents" | "organisation_document";
  readonly id: string;
}

interface Held<T> {
  readonly version: string;
  readonly data: T;
}

interface StoredRow {
  version: string;
  // Left out (null) when the row's version is the one already held, and while the document has never been written.
  payload: Buffer | null;
}

/**
 * One document in a row, written only inside a transaction that holds the row's lock (SELECT ... FOR UPDATE), so that
 * updates from every process apply one after another. The last version read is kept, and read again only once changed.
 */
export class PostgresDocument<T> {
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
    const known = this.held;
    const { rows } = await db.query<StoredRow>(this.select(""), [this.row.id, known?.version]);
    return this.current(rows[0], known, db);
  }

  /** Applies `change` to a copy of the current data, writes the copy and commits; a throw writes nothing. */
  update<R>(change: (state: T) => R): Promise<R> {
    return this.queue.run(async () => {
      const { result, written } = await inTransaction(this.pool, async (client) => {
        await this.beforeWriting(client);
        // The row must exist to be locked; a transaction that throws takes it away again.
        await client.query(`INSERT INTO ${this.row.table} (id) VALUES ($1) ON CONFLICT (id) DO NOTHING`, [this.row.id]);
        const known = this.held;
        const { rows } = await client.query<StoredRow>(this.select(" FOR UPDATE"), [this.row.id, known?.version]);
        const draft = structuredClone(await this.current(rows[0], known, client));
        const result = change(draft);
        const payload = await this.format.encode(client, draft);
        const { rows: updated } = await client.query<{ version: string }>(
          `UPDATE ${this.row.table} SET version = version + 1, payload = $2 WHERE id = $1 RETURNING version`,
          [this.row.id, payload],
        );
        return { result, written: updated[0] && { version: updated[0].version, data: draft } };
      });
      if (written) this.keep(written);
      return result;
    });
  }

  /** Resolves once every update queued so far has finished. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private select(lock: string): string {
    return (
      `SELECT version, CASE WHEN version = $2::bigint THEN NULL ELSE payload END AS payload ` +
      `FROM ${this.row.table} WHERE id = $1${lock}`
    );
  }

  // `known` is what was held when the row was asked for: its payload was left out if it had that version.
  private async current(row: StoredRow | undefined, known: Held<T> | undefined, db: ClientBase | Pool): Promise<T> {
    if (!row) return this.initial();
    if (known?.version === row.version) return known.data;
    const data = row.payload ? this.parse(await this.format.decode(this.where, row.payload, db)) : this.initial();
    this.keep({ version: row.version, data });
    return data;
  }

  private keep(version: Held<T>): void {
    if (this.held === undefined || BigInt(version.version) > BigInt(this.held.version)) this.held = version;
  }
}
