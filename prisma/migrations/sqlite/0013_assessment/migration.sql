-- CreateTable
CREATE TABLE "AssessmentIndicator" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "parentId" INTEGER,
    "level" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL DEFAULT '',
    "criteria" TEXT NOT NULL DEFAULT '',
    "points" REAL,
    "rule" TEXT NOT NULL DEFAULT 'MANUAL',
    "deduction" REAL,
    "selfScore" REAL,
    "selfReason" TEXT NOT NULL DEFAULT '',
    "selfSource" TEXT,
    "scoredById" INTEGER,
    "scoredAt" DATETIME,
    "assessorScore" REAL,
    "assessorRemark" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AssessmentIndicator_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "AssessmentIndicator" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssessmentLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "indicatorId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "refId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AssessmentLink_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "AssessmentIndicator" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AssessmentIndicator_year_ordinal_idx" ON "AssessmentIndicator"("year", "ordinal");

-- CreateIndex
CREATE INDEX "AssessmentIndicator_parentId_idx" ON "AssessmentIndicator"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentLink_indicatorId_kind_refId_key" ON "AssessmentLink"("indicatorId", "kind", "refId");

