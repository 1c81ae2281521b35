import { readFile } from "node:fs/promises";
import type { DocumentCipher } from "../../src/store/document-cipher.js";
import { splitJournal } from "../../src/store/journal-frames.js";
import { readEnvelope } from "../../src/store/sealed-envelope.js";

/** The records of the journal `file`, as stored (sealed envelopes, or plain JSON). */
export async function journalRecords(file: string): Promise<Buffer[]> {
  return splitJournal(await readFile(file)).records;
}

/** Whether `file` is a journal whose every record is a sealed envelope. */
export async function isSealedJournal(file: string): Promise<boolean> {
  const records = await journalRecords(file);
  return records.length > 0 && records.every((record) => readEnvelope(record) !== undefined);
}

/** The text of each record of the journal of the document called `name`, opened with `cipher`, one after another. */
export async function openedJournal(file: string, name: string, cipher: DocumentCipher): Promise<string> {
  const records = await journalRecords(file);
  return records.map((record) => cipher.open(name, record).plaintext.toString("utf8")).join("\n");
}
