-- CreateTable
CREATE TABLE "Regulation" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "docNumber" TEXT,
    "issuer" TEXT NOT NULL DEFAULT '本机关',
    "category" TEXT NOT NULL,
    "officeId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'EFFECTIVE',
    "adoptedOn" TIMESTAMP(3),
    "effectiveOn" TIMESTAMP(3),
    "validUntil" TIMESTAMP(3),
    "lastReviewedOn" TIMESTAMP(3),
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "searchable" BOOLEAN NOT NULL DEFAULT true,
    "repealedOn" TIMESTAMP(3),
    "repealReason" TEXT NOT NULL DEFAULT '',
    "replacedById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Regulation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegulationVersion" (
    "id" SERIAL NOT NULL,
    "regulationId" INTEGER NOT NULL,
    "versionNo" INTEGER NOT NULL,
    "docNumber" TEXT NOT NULL DEFAULT '',
    "adoptedOn" TIMESTAMP(3),
    "effectiveOn" TIMESTAMP(3),
    "fullText" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "fileName" TEXT NOT NULL DEFAULT '',
    "fileSha256" TEXT NOT NULL DEFAULT '',
    "fileData" BYTEA,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegulationVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegulationPointLink" (
    "id" SERIAL NOT NULL,
    "regulationId" INTEGER NOT NULL,
    "workPointId" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegulationPointLink_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Regulation" ADD CONSTRAINT "Regulation_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Regulation" ADD CONSTRAINT "Regulation_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "Regulation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegulationVersion" ADD CONSTRAINT "RegulationVersion_regulationId_fkey" FOREIGN KEY ("regulationId") REFERENCES "Regulation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegulationPointLink" ADD CONSTRAINT "RegulationPointLink_regulationId_fkey" FOREIGN KEY ("regulationId") REFERENCES "Regulation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegulationPointLink" ADD CONSTRAINT "RegulationPointLink_workPointId_fkey" FOREIGN KEY ("workPointId") REFERENCES "WorkPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written (not in schema.prisma): full-text search of the 制度库, rows kept in step by
-- lib/regulations/search-index.ts in the same transaction as the rule. The document is a
-- tsvector of character bigrams built by the application (lib/regulations/search-terms.ts, given
-- as a tsvector literal, so no text-search parser or locale is involved) with a GIN index.
CREATE TABLE "fts_regulation" (
    "regulationId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Regulation"("id"),
    "doc" TSVECTOR NOT NULL
);
CREATE INDEX "fts_regulation_doc_idx" ON "fts_regulation" USING GIN ("doc");
