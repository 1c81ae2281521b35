import type { ClientBase } from "pg";
import type { Store } from "../../core/store.js";
import { copyDocuments, CopyMismatchError, readCounts } from "../copy-store.js";
import { countsDifference, type CountsByGroup } from "../document-counts.js";
import {
  connect,
  createStagingSchema,
  currentSchema,
  dropSchema,
  stagingSchemaName,
  swapDocumentTables,
} from "./document-tables.js";

/** A copy of a whole store into PostgreSQL's live tables (which must exist), made in a schema of its own first. */
export interface StagedCopy {
  readonly url: string;
  /** The schema of the live tables; by default the connection's own search path. */
  readonly schema: string | undefined;
  /** Opens the store copied from, with the ids of its groups; it is closed once copied. */
  readonly source: () => Promise<{ store: Store; groupIds: readonly string[] }>;
  /** Opens a PostgreSQL store in `schema` as the copy is to be written and read. */
  readonly open: (schema: string | undefined) => Promise<Store>;
  /** Audit-log breaks acknowledged, by group. */
  readonly acknowledged: ReadonlyMap<string, ReadonlySet<number>>;
  /** With the live tables locked: why they may not be replaced (written since the copy began...), or undefined. */
  readonly unchanged: (client: ClientBase, live: string) => Promise<string | undefined>;
  /** Told once the live schema is known and before anything is copied: may throw to refuse, changing nothing. */
  readonly before?: (client: ClientBase, live: string) => Promise<void>;
}

/**
 * Copies the source into a fresh schema through the Store API and reads it back (same counts, sound audit chains);
 * then, in one transaction, its tables replace the live ones (dropped), and the live tables are read back once more.
 * Any failure before that transaction commits leaves the live tables as they were (the fresh schema is dropped), so a
 * failed run may simply be run again. The counts copied, by group.
 */
export async function copyThroughStaging(copy: StagedCopy): Promise<CountsByGroup> {
  const client = await connect(copy.url, copy.schema);
  let staging: string | undefined;
  try {
    const live = await currentSchema(client);
    staging = stagingSchemaName(live);
    await copy.before?.(client, live);
    await createStagingSchema(copy.url, client, staging);
    const { store: source, groupIds } = await copy.source();
    let copied: CountsByGroup;
    try {
      copied = await copyAndClose(source, await copy.open(staging), groupIds);
    } finally {
      await source.close();
    }
    await expectCounts(await copy.open(staging), copied, copy.acknowledged);
    await swapDocumentTables(client, live, staging, (locked) => copy.unchanged(locked, live));
    await expectCounts(await copy.open(copy.schema), copied, copy.acknowledged);
    return copied;
  } finally {
    if (staging !== undefined) await dropSchema(client, staging).catch(() => undefined);
    await client.end();
  }
}

async function copyAndClose(source: Store, target: Store, groupIds: readonly string[]): Promise<CountsByGroup> {
  try {
    return await copyDocuments(source, target, groupIds);
  } finally {
    await target.close();
  }
}

async function expectCounts(
  store: Store,
  expected: CountsByGroup,
  acknowledged: ReadonlyMap<string, ReadonlySet<number>>,
): Promise<void> {
  try {
    const difference = countsDifference(expected, await readCounts(store, [...expected.keys()], acknowledged));
    if (difference) throw new CopyMismatchError(`The copy in PostgreSQL differs from the original: ${difference}.`);
  } finally {
    await store.close();
  }
}
