-- CreateTable
CREATE TABLE "RegulationCleanup" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "regulationId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "updatedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegulationCleanup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegulationCleanup_regulationId_idx" ON "RegulationCleanup"("regulationId");

-- CreateIndex
CREATE UNIQUE INDEX "RegulationCleanup_year_regulationId_key" ON "RegulationCleanup"("year", "regulationId");

-- AddForeignKey
ALTER TABLE "RegulationCleanup" ADD CONSTRAINT "RegulationCleanup_regulationId_fkey" FOREIGN KEY ("regulationId") REFERENCES "Regulation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

