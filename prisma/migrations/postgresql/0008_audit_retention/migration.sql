-- Audit rows are never changed, and never deleted before they are 180 days old (等保 2.0 retention):
-- only the retention purge of older rows (lib/audit-log/retention.ts) may delete.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD."at" < (now() AT TIME ZONE 'UTC') - interval '180 days' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditLog is append-only: rows younger than 180 days cannot be deleted';
END;
$$ LANGUAGE plpgsql;
