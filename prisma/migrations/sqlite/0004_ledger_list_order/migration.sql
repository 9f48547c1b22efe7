-- DropIndex
DROP INDEX "LedgerEntry_year_status_deletedAt_idx";

-- DropIndex
DROP INDEX "LedgerEntry_officeId_year_idx";

-- CreateIndex
CREATE INDEX "LedgerEntry_year_deletedAt_date_idx" ON "LedgerEntry"("year", "deletedAt", "date");

-- CreateIndex
CREATE INDEX "LedgerEntry_year_status_deletedAt_date_idx" ON "LedgerEntry"("year", "status", "deletedAt", "date");

-- CreateIndex
CREATE INDEX "LedgerEntry_officeId_year_deletedAt_date_idx" ON "LedgerEntry"("officeId", "year", "deletedAt", "date");

