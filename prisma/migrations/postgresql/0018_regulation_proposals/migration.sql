-- CreateTable
CREATE TABLE "RegulationProposal" (
    "id" SERIAL NOT NULL,
    "regulationId" INTEGER NOT NULL,
    "officeId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "suggestedText" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "proposedById" INTEGER NOT NULL,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionComment" TEXT NOT NULL DEFAULT '',
    "pendingKey" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegulationProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegulationProposal_pendingKey_key" ON "RegulationProposal"("pendingKey");

-- CreateIndex
CREATE INDEX "RegulationProposal_regulationId_status_idx" ON "RegulationProposal"("regulationId", "status");

-- CreateIndex
CREATE INDEX "RegulationProposal_status_idx" ON "RegulationProposal"("status");

-- AddForeignKey
ALTER TABLE "RegulationProposal" ADD CONSTRAINT "RegulationProposal_regulationId_fkey" FOREIGN KEY ("regulationId") REFERENCES "Regulation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegulationProposal" ADD CONSTRAINT "RegulationProposal_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegulationProposal" ADD CONSTRAINT "RegulationProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

