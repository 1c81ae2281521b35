import type { ClientBase, Pool } from "pg";
import type { Address } from "../../kernel/address.js";
import { StartupError } from "../../kernel/errors.js";
import type { KeyNamespace, Store } from "../../core/store.js";
import {
  emptyGroupState,
  emptyOrganisationState,
  organisationStateSchema,
  type GroupState,
  type OrganisationState,
} from "../../core/state.js";
import type { DocumentCipher } from "../document-cipher.js";
import { validateDocument } from "../document-errors.js";
import { groupFileName, groupParser, type GroupCheck } from "../group-document.js";
import { addressesInJson } from "../pseudonyms.js";
import { AuditRows } from "./audit-entries.js";
import { connectPool, databaseRefusal } from "./connect.js";
import { PostgresDocument } from "./postgres-document.js";
import { PostgresRememberedKeys } from "./postgres-remembered-keys.js";
import { RowFormats } from "./row-format.js";
import { inTransaction } from "./transaction.js";

// Writers share this advisory lock and forgetting an identity takes it alone, so nothing writes while one is forgotten.
const identitiesLock = 4_205_917_341;

/** How the PostgreSQL store is opened. */
export interface PostgresStoreOptions {
  /** Seals every payload and stores addresses as pseudonyms (in the identities table); without it payloads are JSON. */
  cipher?: DocumentCipher;
  /** Checks each group document as it is read (its audit chain); every one is read at opening. */
  checkGroup?: GroupCheck;
  /** The schema holding Cohesion's tables, created if missing; by default the connection's own search path. */
  schema?: string;
}

/**
 * Opens the store in the PostgreSQL database at `url`: creates or updates its tables (migrations), then reads and
 * validates every document; problems are StartupErrors.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const pool = await connectPool(url, options.schema);
  try {
    const store = new PostgresStore(pool, new RowFormats(pool, options.cipher), options.checkGroup);
    await store.loadAll();
    return store;
  } catch (error) {
    await pool.end();
    // A query refused while reading (a table dropped, a connection cut) is a refusal to start, not a crash.
    throw error instanceof StartupError ? error : (databaseRefusal(error) ?? error);
  }
}

/** A Store with one row per document in PostgreSQL, shared safely by several processes. */
class PostgresStore implements Store {
  private readonly organisation: PostgresDocument<OrganisationState>;
  private readonly groups = new Map<string, PostgresDocument<GroupState>>();
  private readonly rememberedKeys: PostgresRememberedKeys;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly formats: RowFormats,
    private readonly checkGroup: GroupCheck | undefined,
  ) {
    this.organisation = new PostgresDocument(
      pool,
      { table: "organisation_document", id: "organisation" },
      formats.format("organisation"),
      (json) => validateDocument(this.organisation.where, json, organisationStateSchema),
      emptyOrganisationState,
      shareIdentities,
    );
    this.rememberedKeys = new PostgresRememberedKeys(pool, this.organisation);
  }

  /** Reads and validates every stored document, changing nothing. */
  async loadAll(): Promise<void> {
    await this.formats.identities?.load();
    await this.organisation.read();
    const { rows } = await this.pool.query<{ id: string }>("SELECT id FROM group_documents ORDER BY id");
    for (const { id } of rows) await this.group(id).read();
  }

  async readGroup(groupId: string): Promise<Readonly<GroupState>> {
    return this.group(groupId).read();
  }

  async updateGroup<T>(groupId: string, change: (state: GroupState) => T): Promise<T> {
    return this.group(groupId).update(change);
  }

  async readOrganisation(): Promise<Readonly<OrganisationState>> {
    this.assertOpen();
    return this.organisation.read();
  }

  async updateOrganisation<T>(change: (state: OrganisationState) => T): Promise<T> {
    this.assertOpen();
    return this.organisation.update(change);
  }

  async forgetIdentity(address: Address): Promise<boolean> {
    this.assertOpen();
    return inTransaction(this.pool, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1)", [identitiesLock]);
      const { rows } = await client.query<{ id: string }>("SELECT id FROM group_documents");
      const documents = [];
      const stores = [this.organisation, ...rows.map(({ id }) => this.group(id))];
      // One after another on this transaction's connection: the pool's others may all be waiting for this lock.
      for (const document of stores) documents.push(await document.read(client));
      if (documents.some((document) => addressesInJson(document).has(address))) return false;
      // A payload or change written before may still name the address: a new payload replaces them first.
      for (const document of stores) await document.foldNaming(client, address);
      const pseudonym = this.formats.pseudonyms?.of(address);
      if (pseudonym !== undefined) await this.formats.identities?.drop(client, pseudonym);
      return true;
    });
  }

  async claimKey(namespace: KeyNamespace, digest: string, expiresAt: Date, now: Date): Promise<boolean> {
    this.assertOpen();
    return this.rememberedKeys.claim(namespace, digest, expiresAt, now);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.organisation.idle(), ...[...this.groups.values()].map((group) => group.idle())]);
    await this.pool.end();
  }

  private group(groupId: string): PostgresDocument<GroupState> {
    this.assertOpen();
    if (!groupFileName.test(`${groupId}.json`)) throw new Error(`Group id ${JSON.stringify(groupId)} is not valid.`);
    let group = this.groups.get(groupId);
    if (!group) {
      const document: PostgresDocument<GroupState> = new PostgresDocument(
        this.pool,
        { table: "group_documents", id: groupId },
        this.formats.format(`groups/${groupId}`),
        (json) => groupParser(document.where, groupId, this.checkGroup)(json),
        () => emptyGroupState(groupId),
        shareIdentities,
        new AuditRows(groupId, this.formats),
      );
      this.groups.set(groupId, document);
      group = document;
    }
    return group;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error("The store is closed.");
  }
}

async function shareIdentities(client: ClientBase): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock_shared($1)", [identitiesLock]);
}
