-- CreateTable
CREATE TABLE "RegulationAssessment" (
    "id" SERIAL NOT NULL,
    "regulationId" INTEGER NOT NULL,
    "assessedOn" TIMESTAMP(3) NOT NULL,
    "officeId" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "findings" TEXT NOT NULL,
    "rectification" TEXT NOT NULL DEFAULT '',
    "rectificationStatus" TEXT NOT NULL DEFAULT 'NONE',
    "rectifiedOn" TIMESTAMP(3),
    "workPointId" INTEGER,
    "createdById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegulationAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegulationAssessment_regulationId_assessedOn_idx" ON "RegulationAssessment"("regulationId", "assessedOn");

-- CreateIndex
CREATE INDEX "RegulationAssessment_workPointId_idx" ON "RegulationAssessment"("workPointId");

-- CreateIndex
CREATE INDEX "RegulationAssessment_officeId_idx" ON "RegulationAssessment"("officeId");

-- AddForeignKey
ALTER TABLE "RegulationAssessment" ADD CONSTRAINT "RegulationAssessment_regulationId_fkey" FOREIGN KEY ("regulationId") REFERENCES "Regulation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegulationAssessment" ADD CONSTRAINT "RegulationAssessment_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegulationAssessment" ADD CONSTRAINT "RegulationAssessment_workPointId_fkey" FOREIGN KEY ("workPointId") REFERENCES "WorkPoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

