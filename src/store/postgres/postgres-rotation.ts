import type { ClientBase } from "pg";
import { DocumentCipher } from "../document-cipher.js";
import type { CountsByGroup } from "../document-counts.js";
import type { GroupCheck } from "../group-document.js";
import { openPostgresStore } from "./postgres-store.js";
import { StartupError } from "../../kernel/errors.js";
import { documentVersions, hasDocumentTables, postgresGroupIds, type DocumentVersions } from "./document-tables.js";
import { copyThroughStaging } from "./staged-copy.js";

/** Which data to re-encrypt, and with which keys. */
export interface PostgresRotation {
  readonly url: string;
  /** The schema of Cohesion's tables; by default the connection's own search path. */
  readonly schema?: string;
  /** The new key. */
  readonly key: Uint8Array;
  /** The keys the documents may be encrypted with now. */
  readonly previousKeys: readonly Uint8Array[];
  readonly checkGroup?: GroupCheck;
  /** Audit-log breaks acknowledged, by group. */
  readonly acknowledged?: ReadonlyMap<string, ReadonlySet<number>>;
}

/**
 * Re-encrypts every document in PostgreSQL with the cipher's current key, giving members that key's pseudonyms: the
 * documents are copied into a fresh schema by a store that knows only the new key and read back by another, and then
 * replace the live tables in one transaction, unless a document was written meanwhile (Cohesion must be stopped).
 * The counts re-encrypted, by group.
 */
export async function rotatePostgresKey(rotation: PostgresRotation): Promise<CountsByGroup> {
  const newKeyOnly = new DocumentCipher(rotation.key);
  let before: DocumentVersions = new Map();
  let groupIds: readonly string[] = [];
  const snapshot = async (client: ClientBase, live: string) => {
    if (!(await hasDocumentTables(client, live)))
      throw new StartupError(
        `PostgreSQL (DATABASE_URL) holds no Cohesion tables in schema "${live}": no data to re-encrypt.`,
      );
    before = await documentVersions(client, live);
    groupIds = await postgresGroupIds(client, live);
  };
  return copyThroughStaging({
    url: rotation.url,
    schema: rotation.schema,
    source: async () => {
      const cipher = new DocumentCipher(rotation.key, rotation.previousKeys);
      const store = await openPostgresStore(rotation.url, {
        cipher,
        checkGroup: rotation.checkGroup,
        schema: rotation.schema,
      });
      return { store, groupIds };
    },
    open: (schema) => openPostgresStore(rotation.url, { cipher: newKeyOnly, checkGroup: rotation.checkGroup, schema }),
    acknowledged: rotation.acknowledged ?? new Map(),
    before: snapshot,
    unchanged: async (client, live) => {
      const now = await documentVersions(client, live);
      const same = now.size === before.size && [...now].every(([key, version]) => before.get(key) === version);
      return same
        ? undefined
        : "A document was written while its copy was being re-encrypted, so nothing was changed: stop Cohesion and run it again.";
    },
  });
}
