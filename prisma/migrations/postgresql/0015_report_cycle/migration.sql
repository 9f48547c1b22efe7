-- AlterTable
ALTER TABLE "AnnualReport" ADD COLUMN     "returnComment" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "returnedAt" TIMESTAMP(3),
ADD COLUMN     "returnedByName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reviewRound" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "signedById" INTEGER,
ADD COLUMN     "signedByName" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ReportCycleSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "principalLeaderId" INTEGER,
    "addressee" TEXT NOT NULL DEFAULT '',
    "redHeader" BOOLEAN NOT NULL DEFAULT false,
    "redHeaderText" TEXT NOT NULL DEFAULT '',
    "submitDue" TEXT NOT NULL DEFAULT '03-01',
    "publishDue" TEXT NOT NULL DEFAULT '04-01',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportCycleSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSecrecyReview" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "opinion" TEXT NOT NULL,
    "reviewerId" INTEGER NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "reviewedOn" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportSecrecyReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportNoticeSent" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportNoticeSent_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportSecrecyReview_reportId_round_step_key" ON "ReportSecrecyReview"("reportId", "round", "step");

-- AddForeignKey
ALTER TABLE "ReportSecrecyReview" ADD CONSTRAINT "ReportSecrecyReview_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "AnnualReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

