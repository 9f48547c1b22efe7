-- CreateTable
CREATE TABLE "StudyListItem" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "regulationId" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "addedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyListItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyMark" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "regulationId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyMark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StudyListItem_regulationId_idx" ON "StudyListItem"("regulationId");

-- CreateIndex
CREATE UNIQUE INDEX "StudyListItem_year_regulationId_key" ON "StudyListItem"("year", "regulationId");

-- CreateIndex
CREATE INDEX "StudyMark_regulationId_year_idx" ON "StudyMark"("regulationId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "StudyMark_userId_regulationId_year_key" ON "StudyMark"("userId", "regulationId", "year");

-- AddForeignKey
ALTER TABLE "StudyListItem" ADD CONSTRAINT "StudyListItem_regulationId_fkey" FOREIGN KEY ("regulationId") REFERENCES "Regulation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyMark" ADD CONSTRAINT "StudyMark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyMark" ADD CONSTRAINT "StudyMark_regulationId_fkey" FOREIGN KEY ("regulationId") REFERENCES "Regulation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

