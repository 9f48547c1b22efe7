-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "affectsFigures" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "AuditLog_affectsFigures_id_idx" ON "AuditLog"("affectsFigures", "id");

