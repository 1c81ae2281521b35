-- Up Migration
-- Keys a platform may send again (request signatures, event and activity ids), as short hashes only: a row is a claim
-- that holds until expires_at; an expired one may be claimed again, and expired rows are deleted now and then.
CREATE TABLE remembered_keys (
  namespace text NOT NULL,
  digest text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (namespace, digest)
);

CREATE INDEX remembered_keys_expiry ON remembered_keys (expires_at);

-- Down Migration
DROP TABLE remembered_keys;
