import type { ClientBase, Pool } from "pg";
import { addressSchema } from "../../kernel/address.js";
import { validateDocument } from "../document-errors.js";
import type { FileEncryption } from "../file-encryption.js";

const identityName = (pseudonym: string) => `identities/${pseudonym}`;

/**
 * The identity map in the `identities` table: one row per pseudonym, its address sealed on its own. A document's
 * pseudonyms are written in the same transaction as the document, so no committed document names one the table lacks.
 */
export class PostgresIdentityMap {
  /** Where the map is kept, for messages. */
  readonly file = "the PostgreSQL table identities";
  private entries = new Map<string, string>();
  // The pseudonyms (and addresses) of each document's next write, held until its transaction writes them.
  private readonly held = new Map<string, ReadonlyMap<string, string>>();
  private loaded: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly encryption: FileEncryption,
  ) {}

  /** Reads the table the first time; later calls reuse that result. */
  load(): Promise<void> {
    this.loaded ??= this.reload();
    return this.loaded;
  }

  /** Reads the table again (through `db`, a transaction's connection), for pseudonyms another process wrote since. */
  async reload(db: ClientBase | Pool = this.pool): Promise<void> {
    const { rows } = await db.query<{ pseudonym: string; address: Buffer }>(
      "SELECT pseudonym, address FROM identities",
    );
    const entries = new Map<string, string>();
    for (const { pseudonym, address } of rows) entries.set(pseudonym, await this.addressIn(pseudonym, address));
    this.entries = entries;
  }

  /** The address behind `pseudonym`, or undefined when the map does not hold it. */
  addressOf(pseudonym: string): string | undefined {
    return this.entries.get(pseudonym);
  }

  /** Notes the pseudonyms (to addresses) that `document`'s next write uses; `write` stores them. */
  async hold(document: string, used: ReadonlyMap<string, string>): Promise<void> {
    this.held.set(document, used);
  }

  /** Stores the pseudonyms held for `document` in its transaction, keeping rows that exist already. */
  async write(client: ClientBase, document: string): Promise<void> {
    const used = this.held.get(document);
    this.held.delete(document);
    if (!used || used.size === 0) return;
    // Always in the same order, so that two transactions inserting the same pseudonyms cannot deadlock.
    const sorted = [...used].sort(([a], [b]) => (a < b ? -1 : 1));
    const sealed = await Promise.all(
      sorted.map(([pseudonym, address]) => this.encryption.format(identityName(pseudonym)).encode(address)),
    );
    await client.query(
      "INSERT INTO identities (pseudonym, address) SELECT * FROM unnest($1::text[], $2::bytea[]) " +
        "ON CONFLICT (pseudonym) DO NOTHING",
      [sorted.map(([pseudonym]) => pseudonym), sealed],
    );
    for (const [pseudonym, address] of sorted) this.entries.set(pseudonym, address);
  }

  /** Deletes the row of `pseudonym` in the transaction of `client`. */
  async drop(client: ClientBase, pseudonym: string): Promise<void> {
    await client.query("DELETE FROM identities WHERE pseudonym = $1", [pseudonym]);
    this.entries.delete(pseudonym);
  }

  // Sealed like a document, so a wrong key or a changed byte stops start-up with the same messages.
  private async addressIn(pseudonym: string, sealed: Buffer): Promise<string> {
    const known = this.entries.get(pseudonym);
    if (known !== undefined) return known;
    const where = `identities row "${pseudonym}" in PostgreSQL`;
    const { json } = await this.encryption.format(identityName(pseudonym)).decode(where, sealed);
    return validateDocument(where, json, addressSchema);
  }
}
