import type { Patch } from "immer";
import type { ClientBase, Pool } from "pg";
import { z } from "zod";
import { corruptDocument } from "../document-errors.js";
import type { RowFormat } from "./row-format.js";

/** Where a document is kept: its table and its row's id. */
export interface DocumentRow {
  readonly table: "group_documents" | "organisation_document";
  readonly id: string;
}

/** One update of a document since its payload was written: the version it made, and its patches. */
export interface DocumentChange {
  readonly version: number;
  readonly patches: readonly Patch[];
}

const changeSchema: z.ZodType<DocumentChange> = z.strictObject({
  version: z.number().int().positive(),
  patches: z.array(
    z.strictObject({
      op: z.enum(["add", "remove", "replace"]),
      path: z.array(z.union([z.string(), z.number().int().nonnegative()])),
      value: z.unknown().optional(),
    }),
  ),
});

/** The changes in `payloads`, which must make the versions after `after` up to `upTo`; problems name `where`. */
export async function decodeChanges(
  payloads: readonly Buffer[],
  after: string,
  upTo: string,
  format: RowFormat,
  where: string,
  db: ClientBase | Pool,
): Promise<DocumentChange[]> {
  const expected = BigInt(upTo) - BigInt(after);
  if (BigInt(payloads.length) !== expected)
    throw corruptDocument(
      where,
      `${expected} changes after version ${after} were expected, ${payloads.length} are kept`,
    );
  const changes: DocumentChange[] = [];
  for (const [index, payload] of payloads.entries()) {
    const version = BigInt(after) + BigInt(index) + 1n;
    const place = `${where}, change ${version}`;
    const change = changeSchema.safeParse(await format.decode(place, payload, db));
    if (!change.success || BigInt(change.data.version) !== version)
      throw corruptDocument(place, "not a valid change of this document");
    changes.push(change.data);
  }
  return changes;
}

/** Stores `change` of `row`, encoded (sealed, with pseudonyms) in the transaction of `client`; its size in bytes. */
export async function insertChange(
  client: ClientBase,
  row: DocumentRow,
  change: DocumentChange,
  format: RowFormat,
): Promise<number> {
  const payload = await format.encode(client, change);
  await client.query("INSERT INTO document_changes (document_table, id, version, payload) VALUES ($1, $2, $3, $4)", [
    row.table,
    row.id,
    change.version,
    payload,
  ]);
  return payload.length;
}

/** Deletes every change of `row`, once a new payload holds them. */
export async function deleteChanges(client: ClientBase, row: DocumentRow): Promise<void> {
  await client.query("DELETE FROM document_changes WHERE document_table = $1 AND id = $2", [row.table, row.id]);
}
