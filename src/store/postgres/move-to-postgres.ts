import type { ClientBase } from "pg";
import { StartupError } from "../../kernel/errors.js";
import type { DocumentCipher } from "../document-cipher.js";
import type { CountsByGroup } from "../document-counts.js";
import { fileGroupIds } from "../file-group-ids.js";
import { openFileStore } from "../file-store.js";
import type { GroupCheck } from "../group-document.js";
import { openPostgresStore } from "./postgres-store.js";
import { documentVersions } from "./document-tables.js";
import { copyThroughStaging } from "./staged-copy.js";

/** Where the data is moved from and to, and how both stores are opened (as Cohesion opens them). */
export interface MoveToPostgres {
  readonly dataDir: string;
  readonly url: string;
  /** The schema of Cohesion's tables; by default the connection's own search path. */
  readonly schema?: string;
  readonly cipher?: DocumentCipher;
  readonly checkGroup?: GroupCheck;
  /** Audit-log breaks acknowledged, by group. */
  readonly acknowledged?: ReadonlyMap<string, ReadonlySet<number>>;
}

/**
 * Moves the data directory's organisation and groups into PostgreSQL (copyThroughStaging, so all or nothing),
 * refusing, changing nothing, when PostgreSQL already holds documents. The counts moved, by group.
 */
export async function moveToPostgres(move: MoveToPostgres): Promise<CountsByGroup> {
  const refuseWritten = async (client: ClientBase, live: string) => {
    const problem = await alreadyWritten(client, live);
    if (problem) throw new StartupError(problem);
  };
  const open = (schema: string | undefined) =>
    openPostgresStore(move.url, { cipher: move.cipher, checkGroup: move.checkGroup, schema });
  // Opening creates the live tables if they are missing, so that there is something to replace.
  await (await open(move.schema)).close();
  return copyThroughStaging({
    url: move.url,
    schema: move.schema,
    source: async () => ({
      store: await openFileStore(move.dataDir, { cipher: move.cipher, checkGroup: move.checkGroup }),
      groupIds: await fileGroupIds(move.dataDir),
    }),
    open,
    acknowledged: move.acknowledged ?? new Map(),
    before: refuseWritten,
    unchanged: alreadyWritten,
  });
}

async function alreadyWritten(client: ClientBase, live: string): Promise<string | undefined> {
  const written = await documentVersions(client, live);
  if (written.size === 0) return undefined;
  const groups = [...written.keys()].filter((key) => key.startsWith("group:")).length;
  return (
    `PostgreSQL (DATABASE_URL) already holds Cohesion's data (${groups} groups), so nothing was copied: ` +
    "a data directory can only be moved into a database where Cohesion has stored nothing yet."
  );
}
