-- CreateTable
CREATE TABLE "RegulationCleanup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "regulationId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "updatedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RegulationCleanup_regulationId_fkey" FOREIGN KEY ("regulationId") REFERENCES "Regulation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RegulationCleanup_regulationId_idx" ON "RegulationCleanup"("regulationId");

-- CreateIndex
CREATE UNIQUE INDEX "RegulationCleanup_year_regulationId_key" ON "RegulationCleanup"("year", "regulationId");

