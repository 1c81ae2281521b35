import { z } from "zod";
import { addressSchema } from "../kernel/address.js";
import { AtomicJsonFile } from "./atomic-json-file.js";
import { notEncrypted, validateDocument } from "./document-errors.js";
import type { FileFormat, StoredForm } from "./file-format.js";
import { pseudonymPattern } from "./pseudonym-text.js";
import { SerialQueue } from "./serial-queue.js";

const identitiesSchema = z.strictObject({
  identities: z.record(z.string().regex(pseudonymPattern, "expected a pseudonym"), addressSchema),
});

interface Identities {
  identities: Record<string, string>;
}

/**
 * The identity map: the address behind each pseudonym, in its own encrypted document, written before any document that
 * uses a new pseudonym (a crash between the two leaves only an entry that nothing uses, dropped at the next start).
 */
export class IdentityMap {
  private readonly adapter: AtomicJsonFile<Identities>;
  private readonly queue = new SerialQueue();
  private entries = new Map<string, string>();
  // The addresses in each document's latest write, which may still be on its way to the disk.
  private readonly writing = new Map<string, ReadonlySet<string>>();
  private loaded: Promise<void> | undefined;

  constructor(
    readonly file: string,
    format: FileFormat,
  ) {
    this.adapter = new AtomicJsonFile(file, (json) => validateDocument(file, json, identitiesSchema), format);
  }

  /** How the map's file is stored; undefined while it does not exist. */
  get stored(): StoredForm | undefined {
    return this.adapter.stored;
  }

  /** Reads and validates the map the first time; it must be encrypted. Later calls reuse that result. */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      const stored = await this.adapter.read();
      if (stored && !this.adapter.stored?.sealed) throw notEncrypted(this.file);
      this.entries = new Map(Object.entries(stored?.identities ?? {}));
    })();
    return this.loaded;
  }

  /** The address behind `pseudonym`, or undefined when the map does not hold it. */
  addressOf(pseudonym: string): string | undefined {
    return this.entries.get(pseudonym);
  }

  /** Notes the addresses that `document`'s next write uses (pseudonym to address), first writing those it lacks. */
  hold(document: string, used: ReadonlyMap<string, string>): Promise<void> {
    return this.queue.run(async () => {
      this.writing.set(document, new Set(used.values()));
      const missing = [...used].filter(([pseudonym]) => !this.entries.has(pseudonym));
      if (missing.length > 0) await this.save(new Map([...this.entries, ...missing]));
    });
  }

  /** Drops the entries of `address` unless a write under way or `stillUsed` shows a document referring to it. */
  forget(address: string, stillUsed: () => Promise<boolean>): Promise<boolean> {
    return this.queue.run(async () => {
      const underWay = [...this.writing.values()].some((addresses) => addresses.has(address));
      if (underWay || (await stillUsed())) return false;
      const kept = new Map([...this.entries].filter(([, held]) => held !== address));
      if (kept.size < this.entries.size) await this.save(kept);
      return true;
    });
  }

  /** Keeps only the entries of `used` pseudonyms, rewriting the map when that drops any or it is under an old key. */
  keepOnly(used: ReadonlySet<string>): Promise<void> {
    return this.queue.run(async () => {
      const kept = new Map([...this.entries].filter(([pseudonym]) => used.has(pseudonym)));
      if (kept.size < this.entries.size || this.adapter.stored?.current === false) await this.save(kept);
    });
  }

  private async save(entries: Map<string, string>): Promise<void> {
    await this.adapter.write({ identities: Object.fromEntries(entries) });
    this.entries = entries;
  }
}
