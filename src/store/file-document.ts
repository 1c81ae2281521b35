import { Low } from "lowdb";
import { AtomicJsonFile } from "./atomic-json-file.js";
import type { FileFormat, StoredForm } from "./file-format.js";
import { SerialQueue } from "./serial-queue.js";

/** One JSON document on disk, loaded once, whose updates are serialised and written before they count. */
export class FileDocument<T> {
  private readonly queue = new SerialQueue();
  private readonly adapter: AtomicJsonFile<T>;
  private loaded: Promise<Low<T>> | undefined;

  constructor(
    readonly file: string,
    parse: (json: unknown) => T,
    private readonly initial: () => T,
    format: FileFormat,
  ) {
    this.adapter = new AtomicJsonFile(file, parse, format);
  }

  /** How the file is stored, once loaded; undefined while it does not exist. */
  get stored(): StoredForm | undefined {
    return this.adapter.stored;
  }

  /** Reads and validates the file the first time; later calls reuse that result. */
  load(): Promise<Low<T>> {
    this.loaded ??= (async () => {
      const db = new Low(this.adapter, this.initial());
      await db.read();
      return db;
    })();
    return this.loaded;
  }

  /** The document's current data. */
  async read(): Promise<Readonly<T>> {
    return (await this.load()).data;
  }

  /** Applies `change` to a copy, writes the copy, then makes it current; a throw writes nothing. */
  update<R>(change: (state: T) => R): Promise<R> {
    return this.queue.run(async () => {
      const db = await this.load();
      const draft = structuredClone(db.data);
      const result = change(draft);
      await db.adapter.write(draft);
      db.data = draft;
      return result;
    });
  }

  /** Writes the document again in the store's current form (encrypted with the current key). */
  async rewrite(): Promise<void> {
    await this.update(() => undefined);
  }

  /** Resolves once every update queued so far has finished. */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}
