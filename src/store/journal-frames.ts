import { createHash } from "node:crypto";

const magic = "cohesion-journal 1";
const headerLine = new RegExp(`^${magic} ([0-9a-f]{64})$`);
const frameLine = /^(\d{1,10}) ([0-9a-f]{16})$/;
const foldedLine = /^cohesion-journal-folded ([0-9a-f]{64})$/;
const longestLine = 128;

/** The hex SHA-256 of `bytes`: how a journal names the snapshot its records follow, and checks each record. */
export function digestOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The first line of a journal: the digest of the snapshot file whose state its records change. */
export function journalHeader(snapshot: string): Buffer {
  return Buffer.from(`${magic} ${snapshot}\n`, "utf8");
}

/** The line appended before a new snapshot replaces the one the journal follows: the new snapshot's digest. */
export function journalFolded(snapshot: string): Buffer {
  return Buffer.from(`cohesion-journal-folded ${snapshot}\n`, "utf8");
}

/** One record's bytes in a journal: a line with their length and checksum, then the bytes. */
export function journalFrame(record: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${record.length} ${digestOf(record).slice(0, 16)}\n`, "utf8"), record]);
}

/** What a journal's bytes hold, before its records are decoded. */
export interface JournalFrames {
  /** The digest of the snapshot the records follow; undefined when the journal holds not even a whole header. */
  readonly snapshot: string | undefined;
  readonly records: Buffer[];
  /** The digests of the snapshots its records were folded into (a crash may have kept the journal from going). */
  readonly foldedInto: ReadonlySet<string>;
  /** How many bytes the header and the whole records take; anything after them is a torn last record. */
  readonly wholeLength: number;
  /** Where the journal is damaged (a record that is whole but wrong, with records after it), if it is. */
  readonly damage: string | undefined;
}

/**
 * Splits a journal's bytes into records. A crash while appending leaves a torn last record: cut short, or whole in
 * length but failing its checksum (the file system may keep the length of a write whose pages it never wrote), and it
 * is dropped; a bad record followed by more bytes is damage, which the caller must refuse.
 */
export function splitJournal(bytes: Buffer): JournalFrames {
  const torn = (at: number) => onlyZeros(bytes, at) || (bytes.indexOf(0x0a, at) < 0 && bytes.length - at < longestLine);
  const header = lineAt(bytes, 0);
  const snapshot = header && headerLine.exec(header.text)?.[1];
  if (!header || snapshot === undefined) {
    const damage = torn(0) ? undefined : "its first line is not a journal header";
    return { snapshot: undefined, records: [], foldedInto: new Set(), wholeLength: 0, damage };
  }
  const records: Buffer[] = [];
  const foldedInto = new Set<string>();
  let offset = header.next;
  while (offset < bytes.length && !torn(offset)) {
    const place = `record ${records.length + 1}`;
    const damaged = (problem: string) => ({
      snapshot,
      records,
      foldedInto,
      wholeLength: offset,
      damage: `${place} ${problem}`,
    });
    const line = lineAt(bytes, offset);
    const folded = line && foldedLine.exec(line.text)?.[1];
    if (line && folded !== undefined) {
      foldedInto.add(folded);
      offset = line.next;
      continue;
    }
    const frame = line && frameLine.exec(line.text);
    if (!line || !frame) return damaged("has no valid length line");
    const end = line.next + Number(frame[1]);
    if (end > bytes.length) break;
    const record = bytes.subarray(line.next, end);
    if (digestOf(record).slice(0, 16) !== frame[2]) {
      if (end === bytes.length) break;
      return damaged("fails its checksum");
    }
    records.push(record);
    offset = end;
  }
  return { snapshot, records, foldedInto, wholeLength: offset, damage: undefined };
}

function lineAt(bytes: Buffer, offset: number): { text: string; next: number } | undefined {
  const end = bytes.subarray(offset, offset + longestLine).indexOf(0x0a);
  if (end < 0) return undefined;
  return { text: bytes.subarray(offset, offset + end).toString("latin1"), next: offset + end + 1 };
}

function onlyZeros(bytes: Buffer, offset: number): boolean {
  return bytes.subarray(offset).every((byte) => byte === 0);
}
