import { applyPatches, type Patch } from "immer";
import { AtomicJsonFile } from "./atomic-json-file.js";
import { corruptDocument, notEncrypted } from "./document-errors.js";
import { DocumentJournal } from "./document-journal.js";
import { applyChange, frozenState, takesDataAway } from "./draft-change.js";
import type { FileFormat, StoredForm } from "./file-format.js";
import type { JournalRecord } from "./journal-record.js";
import { addressesInJson } from "./pseudonyms.js";
import { SerialQueue } from "./serial-queue.js";

// The journal is folded into a new snapshot once it outgrows half the snapshot, so that replaying it stays cheap
// and recording an answer costs the same, once spread over the updates, however long the document.
const journalShare = 0.5;
const smallestJournalBound = 64 * 1024;

/**
 * One JSON document on disk, loaded once: a snapshot file plus a journal of the updates since, each written and synced
 * before it counts. Updates are serialised; each shares with the previous state every part it did not change.
 */
export class FileDocument<T extends object> {
  private readonly queue = new SerialQueue();
  private readonly snapshot: AtomicJsonFile<T>;
  private readonly journal: DocumentJournal;
  // The addresses that the snapshot and the journal's records name: the identity map must keep them while they do.
  private readonly named = new Set<string>();
  private loaded: Promise<void> | undefined;
  private data: T | undefined;

  constructor(
    readonly file: string,
    private readonly parse: (json: unknown) => T,
    private readonly initial: () => T,
    format: FileFormat,
  ) {
    this.snapshot = new AtomicJsonFile(file, parse, format);
    this.journal = new DocumentJournal(file, format);
  }

  /** How the document is stored once loaded (current only if its journal is too); undefined if it does not exist. */
  get stored(): StoredForm | undefined {
    const snapshot = this.snapshot.stored;
    if (!snapshot) return undefined;
    const journal = this.journal.stored;
    return { sealed: snapshot.sealed && journal.sealed, current: snapshot.current && journal.current };
  }

  /** The document's files that exist: the snapshot, and the journal when it has records. */
  get files(): string[] {
    if (!this.snapshot.stored) return [];
    return this.journal.bytes > 0 ? [this.file, this.journal.file] : [this.file];
  }

  /** The addresses the document's files name (the snapshot, and records of updates since), once loaded. */
  get storedAddresses(): ReadonlySet<string> {
    return this.named;
  }

  /** Reads and validates the snapshot and replays the journal the first time; later calls reuse that result. */
  async load(): Promise<Readonly<T>> {
    this.loaded ??= this.readFiles();
    await this.loaded;
    return this.current();
  }

  /** The document's current data (deep-frozen: an update makes a new state). */
  read(): Promise<Readonly<T>> {
    return this.load();
  }

  /** Applies `change` to a draft, appends its patches to the journal, then keeps the result; a throw writes nothing. */
  update<R>(change: (state: T) => R): Promise<R> {
    return this.queue.run(async () => {
      const { next, result, patches } = applyChange(await this.load(), change);
      if (patches.length > 0) await this.record(next, patches);
      return result;
    });
  }

  /** Writes the whole document again in the store's current form (under the current key), emptying the journal. */
  rewrite(): Promise<void> {
    return this.queue.run(async () => this.writeSnapshot(await this.load()));
  }

  /** Resolves once every update queued so far has finished. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private current(): T {
    if (this.data === undefined) throw new Error(`${this.file} is not loaded.`);
    return this.data;
  }

  private async readFiles(): Promise<void> {
    const stored = await this.snapshot.read();
    const records = await this.journal.read(this.snapshot.digest, this.file);
    // A sealed snapshot is never followed by a plaintext record: one was put there by someone else.
    if (this.snapshot.stored?.sealed && !this.journal.stored.sealed) throw notEncrypted(this.journal.file);
    const base = stored ?? this.initial();
    this.data = frozenState(records.length > 0 ? this.replay(base, records) : base);
    this.remember(stored);
    for (const record of records) this.remember(record.patches);
  }

  private replay(base: T, records: readonly JournalRecord[]): T {
    let replayed: T;
    try {
      replayed = applyPatches(
        base,
        records.flatMap((record) => record.patches),
      );
    } catch (error) {
      throw corruptDocument(this.journal.file, `its records do not apply to ${this.file}: ${(error as Error).message}`);
    }
    try {
      return this.parse(replayed);
    } catch (cause) {
      const error = corruptDocument(this.journal.file, "replaying its records gives a document that is not valid");
      error.cause = cause;
      throw error;
    }
  }

  private async record(next: T, patches: readonly Patch[]): Promise<void> {
    const snapshot = this.snapshot.digest;
    const bound = Math.max(smallestJournalBound, this.snapshot.size * journalShare);
    if (snapshot === undefined || this.journal.bytes > bound || takesDataAway(patches)) return this.writeSnapshot(next);
    await this.journal.append(snapshot, patches);
    this.data = next;
    this.remember(patches);
  }

  // The journal notes the new snapshot's digest before that replaces the old one, then goes: a crash between leaves a
  // journal known to be folded into the snapshot, so its records are not applied twice.
  private async writeSnapshot(data: T): Promise<void> {
    await this.snapshot.write(data, (digest) => this.journal.markFolded(digest));
    this.data = data;
    this.named.clear();
    this.remember(data);
    await this.journal.clear();
  }

  private remember(written: unknown): void {
    for (const address of addressesInJson(written)) this.named.add(address);
  }
}
