import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Address } from "../kernel/address.js";
import type { KeyNamespace, Store } from "../core/store.js";
import {
  emptyGroupState,
  emptyOrganisationState,
  organisationStateSchema,
  type GroupState,
  type OrganisationState,
} from "../core/state.js";
import { removeTempFiles } from "./atomic-json-file.js";
import type { DocumentCipher } from "./document-cipher.js";
import { validateDocument } from "./document-errors.js";
import { FileDocument } from "./file-document.js";
import { DocumentFormats } from "./document-formats.js";
import type { StoredForm } from "./file-format.js";
import { groupFileName, groupParser, type GroupCheck } from "./group-document.js";
import { acquireLock, type DataDirLock } from "./lock-file.js";
import { addressesInJson } from "./pseudonyms.js";
import { privateDirectoryMode, restrictAccess } from "./private-access.js";
import { BatchedClaims } from "./batched-claims.js";

/** How the file store is opened. */
export interface FileStoreOptions {
  /**
   * Encrypts every document and stores addresses as pseudonyms (in the identity map); without it documents are plain
   * JSON holding the addresses, and an encrypted one stops start-up.
   */
  cipher?: DocumentCipher;
  /** Told after each document that opening rewrites (to encrypt it or give it pseudonyms, or for the current key). */
  progress?: (done: number, total: number) => void;
  /** Checks each group document as it is loaded (its audit chain), before any file is written. */
  checkGroup?: GroupCheck;
}

/**
 * Opens the store in `dataDir`, taking its lock and validating every document; problems are StartupErrors. Then
 * documents not yet in the current form (plaintext or without pseudonyms while encrypting, or under a previous key) are
 * rewritten, and identity map entries that no document uses any more are dropped.
 */
export async function openFileStore(dataDir: string, options: FileStoreOptions = {}): Promise<Store> {
  await mkdir(join(dataDir, "groups"), { recursive: true, mode: privateDirectoryMode });
  const lock = await acquireLock(dataDir);
  try {
    const store = new FileStore(dataDir, lock, new DocumentFormats(dataDir, options.cipher), options.checkGroup);
    await store.loadAll();
    await store.tidy(options.progress);
    return store;
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** A Store with one JSON file per document under a data directory. */
class FileStore implements Store {
  private readonly groupsDir: string;
  private readonly organisation: FileDocument<OrganisationState>;
  private readonly groups = new Map<string, FileDocument<GroupState>>();
  private readonly claims: BatchedClaims;
  private closed = false;

  constructor(
    private readonly dataDir: string,
    private readonly lock: DataDirLock,
    private readonly formats: DocumentFormats,
    private readonly checkGroup: GroupCheck | undefined,
  ) {
    this.groupsDir = join(dataDir, "groups");
    const file = join(dataDir, "organisation.json");
    this.organisation = new FileDocument(
      file,
      (json) => validateDocument(file, json, organisationStateSchema),
      emptyOrganisationState,
      formats.format("organisation"),
    );
    this.claims = new BatchedClaims(this.organisation);
  }

  /** Reads and validates every existing document, changing no file. */
  async loadAll(): Promise<void> {
    await this.organisation.load();
    // organisation.json is encrypted last: once it is, a plaintext document was not left by an interrupted start.
    if (this.organisation.stored?.sealed) this.formats.encryption.refusePlaintext();
    await this.formats.identities?.load();
    const names = await readdir(this.groupsDir);
    const groupIds = names.flatMap((name) => groupFileName.exec(name)?.[1] ?? []);
    await Promise.all(groupIds.map((groupId) => this.group(groupId).load()));
  }

  /**
   * Once every document is valid: removes leftovers of interrupted writes, rewrites one at a time each document not in
   * the current form (the organisation last), drops the identities no document uses, and restricts the modes.
   */
  async tidy(progress: FileStoreOptions["progress"]): Promise<void> {
    await Promise.all([removeTempFiles(this.dataDir), removeTempFiles(this.groupsDir)]);
    const groups = [...this.groups.values()];
    const organisation = this.organisation;
    const outdated = (document: { stored: StoredForm | undefined }) => document.stored?.current === false;
    // Written even when it did not exist, an encrypted organisation.json marks the directory as encrypted.
    const marks = this.formats.encryption.encrypting && organisation.stored === undefined;
    const due = [...groups.filter(outdated), ...(outdated(organisation) || marks ? [organisation] : [])];
    for (const [index, document] of due.entries()) {
      await document.rewrite();
      progress?.(index + 1, due.length);
    }
    this.formats.encryption.refusePlaintext();
    await this.formats.keepIdentitiesOf(await this.documents());
    const identities = this.formats.identities ? [this.formats.identities] : [];
    const identityFiles = identities.filter((map) => map.stored !== undefined).map((map) => map.file);
    await restrictAccess(
      [this.dataDir, this.groupsDir],
      [organisation, ...groups].flatMap((document) => document.files).concat(identityFiles),
    );
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
    const documents = [this.organisation, ...this.groups.values()];
    // A snapshot or journal may still name the address after the documents stopped: new snapshots replace them first.
    const data = await Promise.all(documents.map((document) => document.read()));
    if (!data.some((document) => addressesInJson(document).has(address)))
      for (const document of documents.filter((each) => each.storedAddresses.has(address))) await document.rewrite();
    return this.formats.forget(address, () => this.documents());
  }

  // Kept in the organisation document, where earlier versions kept them; checked again inside the one update that writes.
  async claimKey(namespace: KeyNamespace, digest: string, expiresAt: Date, now: Date): Promise<boolean> {
    this.assertOpen();
    return this.claims.claim(namespace, digest, expiresAt, now);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.organisation.idle(), ...[...this.groups.values()].map((group) => group.idle())]);
    await this.lock.release();
  }

  private group(groupId: string): FileDocument<GroupState> {
    this.assertOpen();
    if (!groupFileName.test(`${groupId}.json`))
      throw new Error(`Group id ${JSON.stringify(groupId)} cannot name a file.`);
    let group = this.groups.get(groupId);
    if (!group) {
      const file = join(this.groupsDir, `${groupId}.json`);
      group = new FileDocument(
        file,
        groupParser(file, groupId, this.checkGroup),
        () => emptyGroupState(groupId),
        this.formats.format(`groups/${groupId}`),
      );
      this.groups.set(groupId, group);
    }
    return group;
  }

  // Every document's current data (what is stored, or about to be), and the addresses their files name.
  private async documents(): Promise<unknown[]> {
    const documents = [this.organisation, ...this.groups.values()];
    const data = await Promise.all(documents.map((document) => document.read()));
    return [...data, ...documents.map((document) => [...document.storedAddresses])];
  }

  private assertOpen(): void {
    if (this.closed) throw new Error("The store is closed.");
  }
}
