-- AlterTable (hand-written: Prisma would rebuild the table, and DROP TABLE would take the
-- append-only triggers of 0002 with it; ADD COLUMN with a constant default keeps them)
ALTER TABLE "AuditLog" ADD COLUMN "affectsFigures" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "AuditLog_affectsFigures_id_idx" ON "AuditLog"("affectsFigures", "id");
