import { open, readFile, readdir, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Adapter } from "lowdb";
import { unreadableDocument } from "./document-errors.js";
import { plainJson, type FileFormat, type StoredForm } from "./file-format.js";
import { digestOf } from "./journal-frames.js";
import { privateFileMode } from "./private-access.js";

const tempSuffix = ".cohesion-tmp";
let tempCounter = 0;

/** A lowdb adapter for one JSON file: reads through `format` then `parse`, writes atomically and durably. */
export class AtomicJsonFile<T> implements Adapter<T> {
  private form: StoredForm | undefined;
  private content: { digest: string; size: number } | undefined;

  constructor(
    readonly file: string,
    private readonly parse: (json: unknown) => T,
    private readonly format: FileFormat = plainJson,
  ) {}

  /** How the file was stored when last read or written; undefined while it does not exist. */
  get stored(): StoredForm | undefined {
    return this.form;
  }

  /** The SHA-256 (hex) of the file's bytes when last read or written; undefined while it does not exist. */
  get digest(): string | undefined {
    return this.content?.digest;
  }

  /** The file's size in bytes when last read or written; 0 while it does not exist. */
  get size(): number {
    return this.content?.size ?? 0;
  }

  /** The file's parsed content, or null if it does not exist; any other problem is a StartupError. */
  async read(): Promise<T | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw unreadableDocument(this.file, cause);
    }
    const { json, sealed, current } = await this.format.decode(this.file, bytes);
    const data = this.parse(json);
    this.form = { sealed, current };
    this.content = { digest: digestOf(bytes), size: bytes.length };
    return data;
  }

  /**
   * Replaces the file in one step: a crash leaves either the old content or the new, never a mix. `beforeReplacing`
   * is told the new content's digest once it is synced beside the file, just before it replaces it.
   */
  async write(data: T, beforeReplacing?: (digest: string) => Promise<void>): Promise<void> {
    const directory = dirname(this.file);
    const temp = join(directory, `.${basename(this.file)}.${process.pid}-${++tempCounter}${tempSuffix}`);
    const bytes = await this.format.encode(data);
    const digest = digestOf(bytes);
    try {
      const handle = await open(temp, "wx", privateFileMode);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await beforeReplacing?.(digest);
      await rename(temp, this.file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await syncDirectory(directory);
    this.form = { sealed: this.format.seals, current: true };
    this.content = { digest, size: bytes.length };
  }
}

/** Deletes temporary files left in `directory` by writes that a crash interrupted. */
export async function removeTempFiles(directory: string): Promise<void> {
  const names = await readdir(directory);
  await Promise.all(names.filter((name) => name.endsWith(tempSuffix)).map((name) => unlink(join(directory, name))));
}

/** Makes a rename or a new file in `directory` durable: without it, it may be lost on power failure. */
export async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === "win32") return;
  const handle = await open(directory, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
