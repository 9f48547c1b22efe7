-- AlterTable
ALTER TABLE "UnitSettings" ADD COLUMN "reportDate" DATETIME;

-- AnnualReport.signature is now the report's own 署名 override ("" follows the unit settings).
-- Until now it only held the copy taken from the settings at generation, never an edit: clear it.
UPDATE "AnnualReport" SET "signature" = '';
