import type { GroupState } from "../../core/state.js";
import type { DocumentCipher } from "../document-cipher.js";
import { connect, currentSchema, hasDocumentTables, postgresGroupIds } from "./document-tables.js";
import { StartupError } from "../../kernel/errors.js";
import { openPostgresStore } from "./postgres-store.js";

/**
 * Reads and validates every group document in PostgreSQL through the store (pseudonyms revealed), sorted by id,
 * without checking their audit chains; problems, and a database holding no Cohesion tables, are StartupErrors.
 */
export async function readPostgresGroups(url: string, cipher?: DocumentCipher, schema?: string): Promise<GroupState[]> {
  const client = await connect(url, schema);
  let groupIds: string[];
  try {
    const live = await currentSchema(client);
    if (!(await hasDocumentTables(client, live)))
      throw new StartupError(
        `PostgreSQL (DATABASE_URL) holds no Cohesion tables in schema "${live}": no data to read.`,
      );
    groupIds = await postgresGroupIds(client, live);
  } finally {
    await client.end();
  }
  const store = await openPostgresStore(url, { cipher, schema });
  try {
    const groups: GroupState[] = [];
    for (const groupId of groupIds) groups.push(structuredClone(await store.readGroup(groupId)));
    return groups;
  } finally {
    await store.close();
  }
}
