-- CreateTable
CREATE TABLE "RegulationAssessment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regulationId" INTEGER NOT NULL,
    "assessedOn" DATETIME NOT NULL,
    "officeId" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "findings" TEXT NOT NULL,
    "rectification" TEXT NOT NULL DEFAULT '',
    "rectificationStatus" TEXT NOT NULL DEFAULT 'NONE',
    "rectifiedOn" DATETIME,
    "workPointId" INTEGER,
    "createdById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RegulationAssessment_regulationId_fkey" FOREIGN KEY ("regulationId") REFERENCES "Regulation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RegulationAssessment_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RegulationAssessment_workPointId_fkey" FOREIGN KEY ("workPointId") REFERENCES "WorkPoint" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RegulationAssessment_regulationId_assessedOn_idx" ON "RegulationAssessment"("regulationId", "assessedOn");

-- CreateIndex
CREATE INDEX "RegulationAssessment_workPointId_idx" ON "RegulationAssessment"("workPointId");

-- CreateIndex
CREATE INDEX "RegulationAssessment_officeId_idx" ON "RegulationAssessment"("officeId");

