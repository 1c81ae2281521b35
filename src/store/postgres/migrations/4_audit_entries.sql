-- Up Migration
-- Each group's audit log, one row per entry: seq is the entry's number in the log (from 1), payload the entry sealed
-- like a document's payload (bound to its group and number, with pseudonyms in place of addresses), or plain JSON
-- without a key, and hashed whether the entry is chained (holds its prev and hash). The rows are only ever added to:
-- the one change allowed is an entry written before the chain receiving its chained form (hashed false to true, once).
-- A document written before this table keeps its entries inside its payload and changes (audit_in_table false) until
-- its next write, which moves them here: the entries are sealed, so only the store can read them to move them.
ALTER TABLE group_documents ADD COLUMN audit_in_table boolean NOT NULL DEFAULT false;
ALTER TABLE group_documents ALTER COLUMN audit_in_table SET DEFAULT true;

CREATE TABLE audit_entries (
  group_id text NOT NULL REFERENCES group_documents (id),
  seq integer NOT NULL CHECK (seq > 0),
  hashed boolean NOT NULL,
  payload bytea NOT NULL,
  PRIMARY KEY (group_id, seq)
);

CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT OLD.hashed AND NEW.hashed AND NEW.group_id = OLD.group_id AND NEW.seq = OLD.seq THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
CREATE TRIGGER audit_entries_not_truncated BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();

-- Down Migration
-- The entries cannot go back into sealed payloads here, so going down is refused while any is kept.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM audit_entries) THEN
    RAISE EXCEPTION 'audit_entries holds audit entries: they would be lost';
  END IF;
END
$$;
DROP TABLE audit_entries;
DROP FUNCTION audit_entries_append_only();
ALTER TABLE group_documents DROP COLUMN audit_in_table;
