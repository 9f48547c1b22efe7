-- Audit rows are never changed, and never deleted before they are 180 days old (等保 2.0 retention):
-- only the retention purge of older rows (lib/audit-log/retention.ts) may delete.
DROP TRIGGER "AuditLog_no_delete";

CREATE TRIGGER "AuditLog_no_delete" BEFORE DELETE ON "AuditLog"
WHEN julianday(OLD."at") IS NULL OR julianday(OLD."at") > julianday('now') - 180
BEGIN
  SELECT RAISE(ABORT, 'AuditLog is append-only: rows younger than 180 days cannot be deleted');
END;
