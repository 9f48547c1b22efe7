-- CreateTable
CREATE TABLE "AssessmentIndicator" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "parentId" INTEGER,
    "level" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL DEFAULT '',
    "criteria" TEXT NOT NULL DEFAULT '',
    "points" DOUBLE PRECISION,
    "rule" TEXT NOT NULL DEFAULT 'MANUAL',
    "deduction" DOUBLE PRECISION,
    "selfScore" DOUBLE PRECISION,
    "selfReason" TEXT NOT NULL DEFAULT '',
    "selfSource" TEXT,
    "scoredById" INTEGER,
    "scoredAt" TIMESTAMP(3),
    "assessorScore" DOUBLE PRECISION,
    "assessorRemark" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentLink" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "refId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AssessmentIndicator_year_ordinal_idx" ON "AssessmentIndicator"("year", "ordinal");

-- CreateIndex
CREATE INDEX "AssessmentIndicator_parentId_idx" ON "AssessmentIndicator"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentLink_indicatorId_kind_refId_key" ON "AssessmentLink"("indicatorId", "kind", "refId");

-- AddForeignKey
ALTER TABLE "AssessmentIndicator" ADD CONSTRAINT "AssessmentIndicator_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "AssessmentIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentLink" ADD CONSTRAINT "AssessmentLink_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "AssessmentIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

