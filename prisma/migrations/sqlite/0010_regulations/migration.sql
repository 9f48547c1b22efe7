-- CreateTable
CREATE TABLE "Regulation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "docNumber" TEXT,
    "issuer" TEXT NOT NULL DEFAULT '本机关',
    "category" TEXT NOT NULL,
    "officeId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'EFFECTIVE',
    "adoptedOn" DATETIME,
    "effectiveOn" DATETIME,
    "validUntil" DATETIME,
    "lastReviewedOn" DATETIME,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "searchable" BOOLEAN NOT NULL DEFAULT true,
    "repealedOn" DATETIME,
    "repealReason" TEXT NOT NULL DEFAULT '',
    "replacedById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Regulation_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Regulation_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "Regulation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegulationVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regulationId" INTEGER NOT NULL,
    "versionNo" INTEGER NOT NULL,
    "docNumber" TEXT NOT NULL DEFAULT '',
    "adoptedOn" DATETIME,
    "effectiveOn" DATETIME,
    "fullText" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "fileName" TEXT NOT NULL DEFAULT '',
    "fileSha256" TEXT NOT NULL DEFAULT '',
    "fileData" BLOB,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RegulationVersion_regulationId_fkey" FOREIGN KEY ("regulationId") REFERENCES "Regulation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegulationPointLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regulationId" INTEGER NOT NULL,
    "workPointId" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RegulationPointLink_regulationId_fkey" FOREIGN KEY ("regulationId") REFERENCES "Regulation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RegulationPointLink_workPointId_fkey" FOREIGN KEY ("workPointId") REFERENCES "WorkPoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Regulation_docNumber_key" ON "Regulation"("docNumber");

-- CreateIndex
CREATE INDEX "Regulation_category_status_idx" ON "Regulation"("category", "status");

-- CreateIndex
CREATE INDEX "Regulation_officeId_idx" ON "Regulation"("officeId");

-- CreateIndex
CREATE INDEX "Regulation_validUntil_idx" ON "Regulation"("validUntil");

-- CreateIndex
CREATE UNIQUE INDEX "RegulationVersion_regulationId_versionNo_key" ON "RegulationVersion"("regulationId", "versionNo");

-- CreateIndex
CREATE INDEX "RegulationPointLink_workPointId_idx" ON "RegulationPointLink"("workPointId");

-- CreateIndex
CREATE UNIQUE INDEX "RegulationPointLink_regulationId_workPointId_key" ON "RegulationPointLink"("regulationId", "workPointId");


-- Hand-written (not in schema.prisma): full-text search of the 制度库, rows kept in step by
-- lib/regulations/search-index.ts in the same transaction as the rule. rowid = Regulation.id.
-- Queries whose terms all have 3 or more characters use the trigram index (substring match);
-- shorter terms (合同, 印章) use the second table, whose text is stored as space-separated
-- character bigrams so a 2-character word is one token and a longer one a phrase of tokens.
CREATE VIRTUAL TABLE "fts_regulation" USING fts5("title", "docNumber", "body", tokenize = 'trigram');
CREATE VIRTUAL TABLE "fts_regulation_bigram" USING fts5("title", "docNumber", "body", tokenize = 'unicode61');
