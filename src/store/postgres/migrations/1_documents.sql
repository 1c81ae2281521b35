-- Up Migration
-- Each payload is what the file store would write to the document's file: sealed with DATA_ENCRYPTION_KEY, and with
-- pseudonyms in place of addresses, or plain JSON without a key. version counts the document's writes.
CREATE TABLE group_documents (
  id text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0,
  payload bytea
);

CREATE TABLE organisation_document (
  id text PRIMARY KEY CHECK (id = 'organisation'),
  version bigint NOT NULL DEFAULT 0,
  payload bytea
);

-- The identity map: the address behind each pseudonym, sealed one by one.
CREATE TABLE identities (
  pseudonym text PRIMARY KEY,
  address bytea NOT NULL
);

-- Down Migration
DROP TABLE identities;
DROP TABLE organisation_document;
DROP TABLE group_documents;
