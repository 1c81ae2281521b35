import type { ClientBase, Pool } from "pg";
import { auditColumns } from "./audit-entries.js";
import type { DocumentRow } from "./document-changes.js";

/** A document's row as read, with what was stored after the version held. */
export interface StoredRow {
  version: string;
  payload_version: string;
  changes_bytes: string;
  payload_bytes: number | null;
  // Left out (null) when the held version is at least the payload's, and while the document has never been written.
  payload: Buffer | null;
  // The changes after the held version, or after the payload's when it is sent.
  changes: Buffer[];
  // Whether the audit log is in audit_entries (always, for a document without one).
  audit_in_table: boolean;
  // The audit rows after those held, or every one when the payload is sent.
  audit_seqs: number[];
  audit_payloads: Buffer[];
}

const noAuditColumns = "true AS audit_in_table, '{}'::integer[] AS audit_seqs, '{}'::bytea[] AS audit_payloads";

/**
 * The stored row of `row` read through `db`, in one statement so that the row and the rows beside it are read as of
 * one moment: with the changes after version `held`, and, when `auditHeld` (the entries held that have rows) is
 * given, the audit rows after those. Undefined while the document has no row.
 */
export async function selectStoredRow(
  db: ClientBase | Pool,
  row: DocumentRow,
  held: string | undefined,
  auditHeld: number | undefined,
): Promise<StoredRow | undefined> {
  const { rows } = await db.query<StoredRow>(
    "SELECT version, payload_version, changes_bytes, octet_length(payload) AS payload_bytes, " +
      "CASE WHEN $2::bigint >= payload_version THEN NULL ELSE payload END AS payload, " +
      "ARRAY(SELECT c.payload FROM document_changes c WHERE c.document_table = $3 AND c.id = d.id " +
      "AND c.version > CASE WHEN $2::bigint >= d.payload_version THEN $2::bigint ELSE d.payload_version END " +
      `AND c.version <= d.version ORDER BY c.version) AS changes, ` +
      `${auditHeld === undefined ? noAuditColumns : auditColumns} FROM ${row.table} d WHERE d.id = $1`,
    [row.id, held, row.table, ...(auditHeld === undefined ? [] : [auditHeld])],
  );
  return rows[0];
}
