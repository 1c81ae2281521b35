import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Store } from "../core/store.js";
import {
  emptyGroupState,
  emptyOrganisationState,
  groupStateSchema,
  organisationStateSchema,
  type GroupState,
  type OrganisationState,
} from "../core/state.js";
import { removeTempFiles } from "./atomic-json-file.js";
import { corruptDocument, validateDocument } from "./document-errors.js";
import { FileDocument } from "./file-document.js";
import { acquireLock, type DataDirLock } from "./lock-file.js";

const groupFile = /^([a-z0-9][a-z0-9_-]*)\.json$/;

/** Opens the store in `dataDir`, taking its lock and validating every document; problems are StartupErrors. */
export async function openFileStore(dataDir: string): Promise<Store> {
  await mkdir(join(dataDir, "groups"), { recursive: true });
  const lock = await acquireLock(dataDir);
  try {
    const store = new FileStore(dataDir, lock);
    await store.loadAll();
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
  private closed = false;

  constructor(
    private readonly dataDir: string,
    private readonly lock: DataDirLock,
  ) {
    this.groupsDir = join(dataDir, "groups");
    const file = join(dataDir, "organisation.json");
    this.organisation = new FileDocument(
      file,
      (json) => validateDocument(file, json, organisationStateSchema),
      emptyOrganisationState,
    );
  }

  /** Removes leftovers of interrupted writes, then reads and validates every existing document. */
  async loadAll(): Promise<void> {
    await Promise.all([removeTempFiles(this.dataDir), removeTempFiles(this.groupsDir)]);
    const names = await readdir(this.groupsDir);
    const groupIds = names.flatMap((name) => groupFile.exec(name)?.[1] ?? []);
    await Promise.all([this.organisation.load(), ...groupIds.map((groupId) => this.group(groupId).load())]);
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

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.organisation.idle(), ...[...this.groups.values()].map((group) => group.idle())]);
    await this.lock.release();
  }

  private group(groupId: string): FileDocument<GroupState> {
    this.assertOpen();
    if (!groupFile.test(`${groupId}.json`)) throw new Error(`Group id ${JSON.stringify(groupId)} cannot name a file.`);
    let group = this.groups.get(groupId);
    if (!group) {
      const file = join(this.groupsDir, `${groupId}.json`);
      const parse = (json: unknown): GroupState => {
        const state = validateDocument(file, json, groupStateSchema);
        if (state.groupId !== groupId) {
          throw corruptDocument(file, `it holds group "${state.groupId}", not "${groupId}"`);
        }
        return state;
      };
      group = new FileDocument(file, parse, () => emptyGroupState(groupId));
      this.groups.set(groupId, group);
    }
    return group;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error("The store is closed.");
  }
}
