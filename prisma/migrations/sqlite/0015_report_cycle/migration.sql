-- CreateTable
CREATE TABLE "ReportCycleSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "principalLeaderId" INTEGER,
    "addressee" TEXT NOT NULL DEFAULT '',
    "redHeader" BOOLEAN NOT NULL DEFAULT false,
    "redHeaderText" TEXT NOT NULL DEFAULT '',
    "submitDue" TEXT NOT NULL DEFAULT '03-01',
    "publishDue" TEXT NOT NULL DEFAULT '04-01',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReportSecrecyReview" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "opinion" TEXT NOT NULL,
    "reviewerId" INTEGER NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "reviewedOn" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReportSecrecyReview_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "AnnualReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportNoticeSent" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- AlterTable (plain ADD COLUMN: defaulted or nullable, no foreign keys)
ALTER TABLE "AnnualReport" ADD COLUMN "signedById" INTEGER;
ALTER TABLE "AnnualReport" ADD COLUMN "signedByName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "AnnualReport" ADD COLUMN "returnComment" TEXT NOT NULL DEFAULT '';
ALTER TABLE "AnnualReport" ADD COLUMN "returnedByName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "AnnualReport" ADD COLUMN "returnedAt" DATETIME;
ALTER TABLE "AnnualReport" ADD COLUMN "reviewRound" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE UNIQUE INDEX "ReportSecrecyReview_reportId_round_step_key" ON "ReportSecrecyReview"("reportId", "round", "step");

