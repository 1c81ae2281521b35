import { open, readFile, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import type { Patch } from "immer";
import { syncDirectory } from "./atomic-json-file.js";
import { corruptDocument, unreadableDocument } from "./document-errors.js";
import type { FileFormat, StoredForm } from "./file-format.js";
import { journalFolded, journalFrame, journalHeader, splitJournal } from "./journal-frames.js";
import { StartupError } from "../kernel/errors.js";
import { journalRecordSchema, type JournalRecord } from "./journal-record.js";
import { privateFileMode } from "./private-access.js";

/** The journal's file beside a document's snapshot file. */
export const journalFileOf = (snapshotFile: string): string => `${snapshotFile}.journal`;

/**
 * The append-only journal of one document: each update's patches as one record, encoded as the document is (sealed,
 * with pseudonyms, when it is), after a header naming the snapshot they follow. A record counts once synced.
 */
export class DocumentJournal {
  /** The journal's file. */
  readonly file: string;
  private follows: string | undefined;
  private length = 0;
  private count = 0;
  // Bytes past `length` may be on the disk: a torn last record, or an append that failed part-way.
  private untidy = false;
  private form: StoredForm = { sealed: true, current: true };

  constructor(
    snapshotFile: string,
    private readonly format: FileFormat,
  ) {
    this.file = journalFileOf(snapshotFile);
  }

  /** The bytes of the journal's whole records (0 when it has none that follow the snapshot). */
  get bytes(): number {
    return this.follows === undefined ? 0 : this.length;
  }

  /** How the records were stored: sealed and current only if every one of them was. */
  get stored(): StoredForm {
    return this.form;
  }

  /**
   * The records that follow the snapshot whose digest is `snapshot`, changing no file: a journal written for another
   * snapshot (one a crash kept from being emptied) has none, and a torn last record is left out. Damage is a
   * StartupError naming the journal.
   */
  async read(snapshot: string | undefined, snapshotFile: string): Promise<JournalRecord[]> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw unreadableDocument(this.file, cause);
    }
    const frames = splitJournal(bytes);
    this.untidy = bytes.length > 0;
    if (frames.snapshot === undefined && frames.damage === undefined) return [];
    if (snapshot !== undefined && frames.foldedInto.has(snapshot)) return [];
    if (frames.snapshot !== snapshot && frames.damage === undefined) throw this.notFollowing(snapshotFile);
    if (frames.damage !== undefined) throw corruptDocument(this.file, frames.damage);
    const records: JournalRecord[] = [];
    let sealed = true;
    let current = true;
    for (const [index, frame] of frames.records.entries()) {
      const decoded = await this.format.decode(this.file, frame);
      const record = journalRecordSchema.safeParse(decoded.json);
      const place = `record ${index + 1}`;
      if (!record.success) throw corruptDocument(this.file, `${place} is not a valid journal record`);
      if (record.data.snapshot !== snapshot || record.data.sequence !== index + 1)
        throw corruptDocument(this.file, `${place} is out of place (it belongs to another journal or position)`);
      sealed &&= decoded.sealed;
      current &&= decoded.current;
      records.push(record.data);
    }
    this.form = { sealed, current };
    this.follows = snapshot;
    this.length = frames.wholeLength;
    this.count = records.length;
    this.untidy = frames.wholeLength < bytes.length;
    return records;
  }

  /** Appends one record of `patches` for the snapshot whose digest is `snapshot`, and syncs it; then it counts. */
  async append(snapshot: string, patches: readonly Patch[]): Promise<void> {
    const starting = this.follows !== snapshot;
    const sequence = starting ? 1 : this.count + 1;
    const frame = journalFrame(await this.format.encode({ snapshot, sequence, patches } satisfies JournalRecord));
    const bytes = starting ? Buffer.concat([journalHeader(snapshot), frame]) : frame;
    // Until this append is synced, a failure must make the next one start the journal afresh or cut what it left.
    if (starting) this.follows = undefined;
    const handle = await open(this.file, starting ? "w" : "a", privateFileMode);
    try {
      if (this.untidy && !starting) await handle.truncate(this.length);
      this.untidy = true;
      await handle.writeFile(bytes);
      await (starting ? handle.sync() : handle.datasync());
      this.untidy = false;
    } finally {
      await handle.close();
    }
    if (starting) await syncDirectory(dirname(this.file));
    const seals = this.format.seals;
    this.form = starting ? { sealed: seals, current: true } : { ...this.form, sealed: this.form.sealed && seals };
    this.follows = snapshot;
    this.length = (starting ? 0 : this.length) + bytes.length;
    this.count = sequence;
  }

  /**
   * Notes that the snapshot whose digest is `snapshot`, synced but not yet in place, holds every record: once it is,
   * a journal that a crash kept is known to be folded. A journal that follows no snapshot any more just goes.
   */
  async markFolded(snapshot: string): Promise<void> {
    if (this.follows === undefined) return this.clear();
    const handle = await open(this.file, "a", privateFileMode);
    try {
      if (this.untidy) await handle.truncate(this.length);
      this.untidy = true;
      // Left untidy: should the snapshot not replace the old one after all, the next record cuts this line.
      await handle.writeFile(journalFolded(snapshot));
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  /** Removes the journal once a new snapshot holds its records. */
  async clear(): Promise<void> {
    this.follows = undefined;
    this.length = 0;
    this.count = 0;
    this.form = { sealed: true, current: true };
    await unlink(this.file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    this.untidy = false;
  }

  private notFollowing(snapshotFile: string): StartupError {
    return corruptDocument(
      this.file,
      `it holds updates to another version of ${snapshotFile}, which was changed or restored without it`,
    );
  }
}
