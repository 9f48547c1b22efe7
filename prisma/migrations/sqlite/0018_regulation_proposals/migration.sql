-- CreateTable
CREATE TABLE "RegulationProposal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regulationId" INTEGER NOT NULL,
    "officeId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "suggestedText" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "proposedById" INTEGER NOT NULL,
    "decidedById" INTEGER,
    "decidedAt" DATETIME,
    "decisionComment" TEXT NOT NULL DEFAULT '',
    "pendingKey" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RegulationProposal_regulationId_fkey" FOREIGN KEY ("regulationId") REFERENCES "Regulation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RegulationProposal_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RegulationProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "RegulationProposal_pendingKey_key" ON "RegulationProposal"("pendingKey");

-- CreateIndex
CREATE INDEX "RegulationProposal_regulationId_status_idx" ON "RegulationProposal"("regulationId", "status");

-- CreateIndex
CREATE INDEX "RegulationProposal_status_idx" ON "RegulationProposal"("status");

