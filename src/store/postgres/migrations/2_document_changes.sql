-- Up Migration
-- A document's row keeps its payload as a snapshot, and each update since is a row of document_changes: that update's
-- patches, sealed like the payload (with pseudonyms in place of addresses), under the version it made. payload_version
-- is the version the payload holds (the changes after it, applied in order, give the row's version), and changes_bytes
-- the size of those changes, which decides when they are folded into a new payload.
ALTER TABLE group_documents ADD COLUMN payload_version bigint;
UPDATE group_documents SET payload_version = version;
ALTER TABLE group_documents
  ALTER COLUMN payload_version SET NOT NULL,
  ALTER COLUMN payload_version SET DEFAULT 0,
  ADD COLUMN changes_bytes bigint NOT NULL DEFAULT 0;

ALTER TABLE organisation_document ADD COLUMN payload_version bigint;
UPDATE organisation_document SET payload_version = version;
ALTER TABLE organisation_document
  ALTER COLUMN payload_version SET NOT NULL,
  ALTER COLUMN payload_version SET DEFAULT 0,
  ADD COLUMN changes_bytes bigint NOT NULL DEFAULT 0;

CREATE TABLE document_changes (
  document_table text NOT NULL CHECK (document_table IN ('group_documents', 'organisation_document')),
  id text NOT NULL,
  version bigint NOT NULL,
  payload bytea NOT NULL,
  PRIMARY KEY (document_table, id, version)
);

-- Down Migration
DROP TABLE document_changes;
ALTER TABLE organisation_document DROP COLUMN changes_bytes, DROP COLUMN payload_version;
ALTER TABLE group_documents DROP COLUMN changes_bytes, DROP COLUMN payload_version;
