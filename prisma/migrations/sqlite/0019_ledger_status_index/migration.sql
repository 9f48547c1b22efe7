-- CreateIndex
CREATE INDEX "LedgerEntry_status_deletedAt_submittedAt_idx" ON "LedgerEntry"("status", "deletedAt", "submittedAt");

